import { can, type Permission } from '@docket/shared/permissions';
import { roleLabels } from '@docket/shared/roles';
import { Link } from 'react-router';
import { useCurrentUser } from '../current-user';

const abilities: { permission: Permission; text: string; to: string; link: string }[] = [
  {
    permission: 'legal_requests.read',
    text: 'Review legal requests for user data: scope, pushback, decision, response and user notice.',
    to: '/requests',
    link: 'Legal requests',
  },
  {
    permission: 'agencies.manage',
    text: 'Keep the registry of requesting agencies and their verified contacts.',
    to: '/agencies',
    link: 'Agencies',
  },
  {
    permission: 'complaints.write',
    text: 'Log complaints, keep in contact with the complainant, resolve them or escalate them to a regulator.',
    to: '/complaints',
    link: 'Complaints',
  },
  {
    permission: 'complaints.read',
    text: 'Follow complaints and their escalations to regulators, without the complainants’ personal data.',
    to: '/complaints',
    link: 'Complaints',
  },
  {
    permission: 'regulators.read',
    text: 'See the regulators complaints are escalated to, and the complaint categories.',
    to: '/regulators',
    link: 'Regulators',
  },
  {
    permission: 'users.manage',
    text: 'Add, change, disable and remove the people who can sign in.',
    to: '/people',
    link: 'People',
  },
  {
    permission: 'settings.manage',
    text: 'Choose which roles must use 2-step verification.',
    to: '/people',
    link: '2-step policy',
  },
  {
    permission: 'audit.read',
    text: 'Review the audit trail and verify that it is intact.',
    to: '/audit',
    link: 'Audit log',
  },
  {
    permission: 'reports.read',
    text: 'Produce and publish transparency reports: requests by country and process type, and how complaints ended.',
    to: '/reports',
    link: 'Transparency reports',
  },
  {
    permission: 'retention.run',
    text: 'Erase complainants’ personal data from closed complaints past the retention period.',
    to: '/retention',
    link: 'Retention',
  },
  {
    permission: 'self.manage',
    text: 'Change your password, manage 2-step verification and your signed-in sessions.',
    to: '/account',
    link: 'Account',
  },
];

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const me = useCurrentUser();
  const mine = abilities
    .filter((ability) => can(me.role, ability.permission))
    // Writers see what they can do with complaints; the read-only line is for those who only read.
    .filter(
      (ability, index, all) =>
        all.findIndex((other) => other.to === ability.to && other.link === ability.link) === index,
    );
  return (
    <section className="stack">
      <h1>
        {greeting(new Date())}, {me.name}
      </h1>
      <p>
        You are signed in as <strong>{roleLabels[me.role]}</strong>.
      </p>
      <h2>What you can do</h2>
      <ul className="ability-list">
        {mine.map((ability) => (
          <li key={ability.permission}>
            <Link to={ability.to}>{ability.link}</Link>
            <span>{ability.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
