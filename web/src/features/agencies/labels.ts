import type { AgencyView } from '@docket/shared/legal-requests.schemas';

export const agencyKindLabels: Record<AgencyView['kind'], string> = {
  law_enforcement: 'Law enforcement',
  court: 'Court',
  prosecutor: 'Prosecutor',
  regulator: 'Regulator',
  intelligence: 'Intelligence service',
  foreign_government: 'Foreign government',
  other: 'Other',
};

export const verificationMethodLabels: Record<NonNullable<AgencyView['verificationMethod']>, string> = {
  callback_known_number: 'Call-back to a known number',
  known_email_domain: 'Known email domain',
  official_portal: 'Official portal',
  in_person: 'In person',
  other: 'Other',
};
