import type { ReportRow, TransparencyReport } from '@docket/shared/reports.schemas';
import type { ReactNode } from 'react';
import { complaintOutcomeName, countryName, processTypeName } from '../format';
import { Count, Percent } from './report-values';

function RowCells({ row }: { row: ReportRow }) {
  return (
    <>
      <td className="numeric">
        <Count value={row.requests} />
      </td>
      <td className="numeric">
        <Count value={row.accountsSpecified} />
      </td>
      <td className="numeric">
        <Count value={row.requestsWithDataProduced} />
      </td>
      <td className="numeric">
        <Percent value={row.percentWithDataProduced} of={row.requests} />
      </td>
    </>
  );
}

function ReportTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap report-block">
      <table className="table report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/** Per country × process type, each country's total under its rows, and the grand total at the foot. */
export function RequestsTable({ report }: { report: TransparencyReport }) {
  if (report.rows.length === 0) return <p className="empty">No legal requests were received in this period.</p>;
  const countries = [...new Set(report.rows.map((r) => r.country))];
  return (
    <ReportTable
      caption="Requests by country and process type, with country totals and the grand total"
      head={
        <>
          <th scope="col">Country</th>
          <th scope="col">Process type</th>
          <th scope="col" className="numeric">
            Requests
          </th>
          <th scope="col" className="numeric">
            Accounts specified
          </th>
          <th scope="col" className="numeric">
            With data produced
          </th>
          <th scope="col" className="numeric">
            % with data produced
          </th>
        </>
      }
    >
      {countries.map((country) => {
        const total = report.countryTotals.find((t) => t.country === country);
        return (
          <tbody key={country}>
            {report.rows
              .filter((r) => r.country === country)
              .map((row) => (
                <tr key={row.processType}>
                  <th scope="row">{countryName(country)}</th>
                  <td>{processTypeName(row.processType)}</td>
                  <RowCells row={row} />
                </tr>
              ))}
            {total ? (
              <tr className="report-subtotal">
                <th scope="row">{countryName(country)}</th>
                <td>Country total</td>
                <RowCells row={total} />
              </tr>
            ) : null}
          </tbody>
        );
      })}
      <tfoot>
        <tr className="report-total">
          <th scope="row">All countries</th>
          <td>Total</td>
          <RowCells row={report.totals} />
        </tr>
      </tfoot>
    </ReportTable>
  );
}

export function PreservationTable({ report }: { report: TransparencyReport }) {
  if (report.preservation.length === 0) return <p className="empty">No preservation requests in this period.</p>;
  return (
    <ReportTable
      caption="Preservation requests by country (not included in the totals)"
      head={
        <>
          <th scope="col">Country</th>
          <th scope="col" className="numeric">
            Preservation requests
          </th>
        </>
      }
    >
      <tbody>
        {report.preservation.map((p) => (
          <tr key={p.country}>
            <th scope="row">{countryName(p.country)}</th>
            <td className="numeric">
              <Count value={p.requests} />
            </td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

export function NationalSecurityTable({ report }: { report: TransparencyReport }) {
  if (report.nationalSecurity.length === 0)
    return <p className="empty">No national-security requests to report in this period.</p>;
  return (
    <ReportTable
      caption={`National-security requests by country, in bands of ${report.options.bandWidth}`}
      head={
        <>
          <th scope="col">Country</th>
          <th scope="col" className="numeric">
            Requests (band)
          </th>
          <th scope="col" className="numeric">
            Accounts specified (band)
          </th>
        </>
      }
    >
      <tbody>
        {report.nationalSecurity.map((n) => (
          <tr key={n.country}>
            <th scope="row">{countryName(n.country)}</th>
            <td className="numeric">
              <Count value={n.requests} />
            </td>
            <td className="numeric">
              <Count value={n.accountsSpecified} />
            </td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

export function RegulatorsTable({ report }: { report: TransparencyReport }) {
  const rows = report.complaints.escalatedByRegulator;
  if (rows.length === 0) return <p className="empty">No complaints received in this period were escalated.</p>;
  return (
    <ReportTable
      caption="Complaints escalated, per regulator"
      head={
        <>
          <th scope="col">Regulator</th>
          <th scope="col">Country</th>
          <th scope="col" className="numeric">
            Complaints escalated
          </th>
        </>
      }
    >
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.regulator}|${r.country}`}>
            <th scope="row">{r.regulator}</th>
            <td>{countryName(r.country)}</td>
            <td className="numeric">
              <Count value={r.complaints} />
            </td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

export function OutcomesTable({ report }: { report: TransparencyReport }) {
  const rows = report.complaints.outcomes;
  if (rows.length === 0) return <p className="empty">No complaint received in this period has an outcome yet.</p>;
  return (
    <ReportTable
      caption="Complaint outcomes"
      head={
        <>
          <th scope="col">Outcome</th>
          <th scope="col" className="numeric">
            Complaints
          </th>
        </>
      }
    >
      <tbody>
        {rows.map((o) => (
          <tr key={o.outcome}>
            <th scope="row">{complaintOutcomeName(o.outcome)}</th>
            <td className="numeric">
              <Count value={o.complaints} />
            </td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}
