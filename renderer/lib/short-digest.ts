/**
 * Digests as Docker's UIs show them: 12 hex characters without the algorithm (moby `stringid`,
 * Docker Hub's tag list); the full value goes in a title and the copy button.
 */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  const hex = colon >= 0 ? digest.slice(colon + 1) : digest;
  return hex.slice(0, 12);
}
