import type { RegulatorView } from '@docket/shared/complaints.schemas';

export const regulatorKinds = [
  'data_protection',
  'financial',
  'other',
] as const satisfies readonly RegulatorView['kind'][];

export const regulatorKindLabels: Record<RegulatorView['kind'], string> = {
  data_protection: 'Data protection',
  financial: 'Financial',
  other: 'Other',
};

/** "CNIL — Commission Nationale de l'Informatique et des Libertés (FR)": how pickers name a regulator. */
export function regulatorOptionLabel(regulator: Pick<RegulatorView, 'name' | 'shortName' | 'country'>): string {
  return `${regulator.shortName ? `${regulator.shortName} — ` : ''}${regulator.name} (${regulator.country})`;
}
