/** An error as one line of text, `Name: message`, for a failure's message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `threw ${typeof error === "string" ? error : JSON.stringify(error)}`;
  } catch {
    return `threw ${String(error)}`;
  }
}
