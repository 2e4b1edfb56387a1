import { agencyKinds, verificationMethods } from '@docket/shared/legal-requests.schemas';
import { agencyKindLabels, verificationMethodLabels } from '../labels';

export function AgencyKindOptions() {
  return agencyKinds.map((kind) => (
    <option key={kind} value={kind}>
      {agencyKindLabels[kind]}
    </option>
  ));
}

export function VerificationMethodOptions() {
  return verificationMethods.map((method) => (
    <option key={method} value={method}>
      {verificationMethodLabels[method]}
    </option>
  ));
}
