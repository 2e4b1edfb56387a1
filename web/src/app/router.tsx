import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppShell } from './app-shell';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';
import { EnrollPage } from './routes/sign-in/enroll-page';
import { SignInLayout } from './routes/sign-in/sign-in-layout';
import { SignInPage } from './routes/sign-in/sign-in-page';
import { VerifyPage } from './routes/sign-in/verify-page';

// Admin, account and case pages load on demand to keep the first download small.
const PeoplePage = lazy(() => import('./routes/people-page').then((m) => ({ default: m.PeoplePage })));
const ApiTokensPage = lazy(() => import('./routes/api-tokens-page').then((m) => ({ default: m.ApiTokensPage })));
const AuditPage = lazy(() => import('./routes/audit-page').then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() => import('./routes/account/account-page').then((m) => ({ default: m.AccountPage })));
const TwoFactorPage = lazy(() =>
  import('./routes/account/two-factor-page').then((m) => ({ default: m.TwoFactorPage })),
);
const SessionsPage = lazy(() => import('./routes/account/sessions-page').then((m) => ({ default: m.SessionsPage })));
const RequestsPage = lazy(() => import('./routes/requests/requests-page').then((m) => ({ default: m.RequestsPage })));
const NewRequestPage = lazy(() =>
  import('./routes/requests/new-request-page').then((m) => ({ default: m.NewRequestPage })),
);
const ImportRequestsPage = lazy(() =>
  import('./routes/requests/import-requests-page').then((m) => ({ default: m.ImportRequestsPage })),
);
const RequestPage = lazy(() => import('./routes/requests/request-page').then((m) => ({ default: m.RequestPage })));
const AgenciesPage = lazy(() => import('./routes/agencies-page').then((m) => ({ default: m.AgenciesPage })));
const ComplaintsPage = lazy(() =>
  import('./routes/complaints/complaints-page').then((m) => ({ default: m.ComplaintsPage })),
);
const NewComplaintPage = lazy(() =>
  import('./routes/complaints/new-complaint-page').then((m) => ({ default: m.NewComplaintPage })),
);
const ComplaintPage = lazy(() =>
  import('./routes/complaints/complaint-page').then((m) => ({ default: m.ComplaintPage })),
);
const RegulatorsPage = lazy(() => import('./routes/regulators-page').then((m) => ({ default: m.RegulatorsPage })));
const RetentionPage = lazy(() => import('./routes/retention-page').then((m) => ({ default: m.RetentionPage })));
const ApiReferencePage = lazy(() =>
  import('./routes/api-reference-page').then((m) => ({ default: m.ApiReferencePage })),
);
const SearchPage = lazy(() => import('./routes/search-page').then((m) => ({ default: m.SearchPage })));
const ReportsPage = lazy(() => import('./routes/reports/reports-page').then((m) => ({ default: m.ReportsPage })));
const NotificationsPage = lazy(() =>
  import('./routes/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: <SignInLayout />,
    children: [
      { index: true, element: <SignInPage /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'enroll', element: <EnrollPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'api-reference', element: <ApiReferencePage /> },
          { path: 'search', element: <SearchPage /> },
          {
            path: 'requests',
            children: [
              {
                index: true,
                element: (
                  <RequirePermission permission="legal_requests.read">
                    <RequestsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'new',
                element: (
                  <RequirePermission permission="legal_requests.write">
                    <NewRequestPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'import',
                element: (
                  <RequirePermission permission="legal_requests.write">
                    <ImportRequestsPage />
                  </RequirePermission>
                ),
              },
              {
                path: ':id',
                element: (
                  <RequirePermission permission="legal_requests.read">
                    <RequestPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'agencies',
            element: (
              <RequirePermission permission="agencies.read">
                <AgenciesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'complaints',
            children: [
              {
                index: true,
                element: (
                  <RequirePermission permission="complaints.read">
                    <ComplaintsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'new',
                element: (
                  <RequirePermission permission="complaints.write">
                    <NewComplaintPage />
                  </RequirePermission>
                ),
              },
              {
                path: ':id',
                element: (
                  <RequirePermission permission="complaints.read">
                    <ComplaintPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'regulators',
            element: (
              <RequirePermission permission="regulators.read">
                <RegulatorsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'reports',
            element: (
              <RequirePermission permission="reports.read">
                <ReportsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'retention',
            element: (
              <RequirePermission permission="retention.run">
                <RetentionPage />
              </RequirePermission>
            ),
          },
          {
            path: 'people',
            element: (
              <RequirePermission permission="users.read">
                <PeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: 'api-tokens',
            element: (
              <RequirePermission permission="api_tokens.manage">
                <ApiTokensPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: 'notifications',
            element: (
              <RequirePermission permission="self.manage">
                <NotificationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'account',
            children: [
              { index: true, element: <AccountPage /> },
              { path: 'two-factor', element: <TwoFactorPage /> },
              { path: 'sessions', element: <SessionsPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
