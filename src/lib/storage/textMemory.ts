// A small memory of one text by its key: localStorage in the browser, something else in tests.
// Its callers read it through their own schema and keep going when the browser refuses it
// (storage blocked or full): each `read` and `write` may throw.

export interface TextMemory {
  read(): string | null;
  write(text: string): void;
}

/** localStorage's entry `key` as a TextMemory. */
export function localTextMemory(key: string): TextMemory {
  return {
    read: () => localStorage.getItem(key),
    write: (text) => localStorage.setItem(key, text),
  };
}
