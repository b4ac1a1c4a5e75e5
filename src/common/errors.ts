// The readable text of anything thrown or rejected, for messages shown to the user.
export function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
