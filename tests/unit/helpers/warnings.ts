/** The build warnings (console.warn) a test's renders print, one list per test. */
import { afterEach, beforeEach, vi } from 'vitest';

/** Collects each test's warnings, leading blank lines trimmed, into the returned list (emptied before each test). */
export function captureWarnings(): string[] {
  const warnings: string[] = [];
  beforeEach(() => {
    warnings.length = 0;
    vi.spyOn(console, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message).trimStart()));
  });
  afterEach(() => vi.restoreAllMocks());
  return warnings;
}
