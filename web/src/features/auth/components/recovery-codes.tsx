interface RecoveryCodesProps {
  codes: readonly string[];
  onSaved: () => void;
}

/** Recovery codes are shown once; the person confirms they stored them before moving on. */
export function RecoveryCodes({ codes, onSaved }: RecoveryCodesProps) {
  return (
    <section className="stack" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">Your recovery codes</h2>
      <p>
        Each code signs you in once if you lose your authenticator. Store them somewhere safe, such as a password
        manager. They will not be shown again.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).catch(() => undefined)}
        >
          Copy codes
        </button>
        <button type="button" className="button button-primary" onClick={onSaved}>
          I have saved these
        </button>
      </div>
    </section>
  );
}
