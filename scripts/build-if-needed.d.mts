export function webBuildIsStale(): boolean;
export function buildWebIfNeeded(): void;
