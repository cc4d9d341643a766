/** One feature's messages: English is the reference, Malay must have exactly the same keys. */
export interface Area<E extends Record<string, string>> {
  en: E;
  ms: Record<keyof E, string>;
}
