import type { IssuedApiToken } from '@docket/shared/api-tokens.schemas';
import { roleLabels } from '@docket/shared/roles';
import { useRef, useState } from 'react';
import { formatDateTime } from '../../../lib/format';

interface IssuedSecretProps {
  issued: IssuedApiToken;
  onDone: () => void;
}

/** The one time a token's secret is on screen: copy it, then it is gone for good. */
export function IssuedSecret({ issued, onDone }: IssuedSecretProps) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(issued.secret);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, or permission refused): the text is selected to copy by hand.
      setCopied('failed');
    }
  };

  return (
    <div className="stack">
      <p className="alert alert-warning" role="alert">
        Copy this token now and store it where your script reads its secrets. You will not see it again: Docket keeps
        only a fingerprint of it.
      </p>
      <p>
        <strong>{issued.token.name}</strong> acts as {roleLabels[issued.token.role]} until{' '}
        {formatDateTime(issued.token.expiresAt)}.
      </p>
      <div className="field">
        <label htmlFor="issued-token-secret">Token secret</label>
        <input
          id="issued-token-secret"
          ref={input}
          readOnly
          value={issued.secret}
          style={{ fontFamily: 'var(--mono)', width: '100%' }}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <p className="muted small">
        Send it as <code>Authorization: Bearer {issued.token.prefix}…</code> with every request.
      </p>
      {copied === 'yes' ? (
        <p className="alert alert-success" role="status">
          Copied to the clipboard.
        </p>
      ) : null}
      {copied === 'failed' ? (
        <p className="alert alert-warning" role="status">
          The browser did not allow copying: the token is selected, copy it with Ctrl+C (⌘C on a Mac).
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
