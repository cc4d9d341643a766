import type { Page } from 'playwright-core';

/** Raw bytes to look for (e.g. a slice of a decrypted thumbnail), as hexadecimal. */
export interface ByteNeedle {
  hex: string;
}

/**
 * Reads everything the origin keeps at rest — every IndexedDB database and store (keys and values),
 * the Cache API and localStorage — and returns which of `secrets` occur in it: strings as UTF-8 or
 * UTF-16LE bytes, byte needles as they are.
 */
export async function plaintextAtRest(
  page: Page,
  secrets: Array<string | ByteNeedle>,
): Promise<Array<string | ByteNeedle>> {
  return page.evaluate(async (needles) => {
    const blobs: Uint8Array[] = [];
    const encoder = new TextEncoder();
    // Blob values (the app stores none today; a change could) are read in full before the search.
    const reading: Promise<unknown>[] = [];
    const addValue = (value: unknown): void => {
      if (value === null || value === undefined) return;
      if (value instanceof Blob)
        reading.push(value.arrayBuffer().then((bytes) => blobs.push(new Uint8Array(bytes))));
      else if (value instanceof ArrayBuffer) blobs.push(new Uint8Array(value));
      else if (ArrayBuffer.isView(value))
        blobs.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      else if (typeof value === 'string') blobs.push(encoder.encode(value));
      else if (typeof value === 'number' || typeof value === 'boolean')
        blobs.push(encoder.encode(String(value)));
      else if (Array.isArray(value)) value.forEach(addValue);
      else if (typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          blobs.push(encoder.encode(k));
          addValue(v);
        }
      }
    };
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        blobs.push(encoder.encode(`${info.name}/${storeName}`));
        addValue(keys);
        addValue(values);
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const req of await cache.keys()) {
        blobs.push(encoder.encode(req.url));
        const response = await cache.match(req);
        if (response) blobs.push(new Uint8Array(await response.arrayBuffer()));
      }
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      addValue(key);
      addValue(localStorage.getItem(key));
    }
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i) ?? '';
      addValue(key);
      addValue(sessionStorage.getItem(key));
    }
    const utf16 = (text: string) => {
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        out[i * 2] = text.charCodeAt(i) & 0xff;
        out[i * 2 + 1] = text.charCodeAt(i) >> 8;
      }
      return out;
    };
    const contains = (haystack: Uint8Array, needle: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
        for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    await Promise.all(reading);
    return needles.filter((needle) => {
      const forms =
        typeof needle === 'string'
          ? [encoder.encode(needle), utf16(needle)]
          : [Uint8Array.from(needle.hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16))];
      return blobs.some((blob) => forms.some((form) => contains(blob, form)));
    });
  }, secrets);
}

/**
 * Puts `text` into IndexedDB as a Blob, in a database of its own: a control `plaintextAtRest` must
 * find. Returns a function that deletes it.
 */
export async function blobControl(page: Page, text: string): Promise<() => Promise<void>> {
  await page.evaluate(
    (content) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('scan-control');
        open.onupgradeneeded = () => open.result.createObjectStore('values');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('values', 'readwrite');
          tx.objectStore('values').put(new Blob([content]), 1);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    text,
  );
  return async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('scan-control');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
  };
}
