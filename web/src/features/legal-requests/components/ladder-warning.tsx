import {
  type DataCategory,
  dataCategoryLabels,
  ladderExcess,
  ladderReach,
  type ProcessType,
  processTypeLabels,
} from '@docket/shared/legal-requests.schemas';

const reachWords: Record<DataCategory, string> = {
  subscriber: 'subscriber information only',
  non_content: 'subscriber information and non-content records',
  content: 'content',
};

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');

/** The process ladder message for a process type and the data it asks for; nothing when within reach. */
export function ladderMessage(processType: ProcessType, categories: readonly DataCategory[]): string | null {
  const excess = ladderExcess(processType, categories);
  const reach = ladderReach[processType];
  if (excess.length === 0 || !reach) return null;
  const process = processTypeLabels[processType];
  const asked = excess.map((c) => dataCategoryLabels[c].replace(/ \(.*\)$/, '').toLowerCase()).join(' and ');
  return `${article(process)} ${process.toLowerCase()} reaches ${reachWords[reach]}: ${asked} exceed${
    excess.length === 1 ? 's' : ''
  } what this process allows.`;
}

interface LadderWarningProps {
  processType: ProcessType | '' | undefined;
  categories: readonly DataCategory[];
}

export function LadderWarning({ processType, categories }: LadderWarningProps) {
  const message = processType ? ladderMessage(processType, categories) : null;
  // Rendered empty rather than removed, so screen readers announce the warning when it appears.
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <div className="alert alert-warning ladder-warning">
          <p>
            <strong>Process ladder: </strong>
            {message}
          </p>
        </div>
      ) : null}
    </div>
  );
}
