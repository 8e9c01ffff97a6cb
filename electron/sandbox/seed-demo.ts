import type { UserDirectory } from './auth';
import { demoDocuments, demoMimeObjects, DEMO_USERS } from './demo-data';
import type { DocumentStore } from './store';
import { formatStoreKey } from './store';

/** Adds the demo users, and their documents where the store does not have them yet (edits survive restarts). */
export async function seedDemo(store: DocumentStore, users: UserDirectory, rootUrl: string): Promise<void> {
  const encoder = new TextEncoder();
  for (const user of DEMO_USERS) {
    if (!users.findByXui(user.xui)) users.add({ xui: user.xui, password: user.password });
    for (const document of demoDocuments(user, rootUrl)) {
      const key = formatStoreKey({ namespace: 'xcap', auid: document.auid, scope: { kind: 'users', xui: document.xui }, documentPath: [document.path] });
      await store.update(key, (current) => (current ? { keep: true } : { write: encoder.encode(document.content) }));
    }
    for (const object of demoMimeObjects(user)) {
      const key = formatStoreKey({ namespace: 'mime', xui: object.xui, path: [object.path] });
      await store.update(key, (current) => (current ? { keep: true } : { write: object.bytes, contentType: object.contentType }));
    }
  }
}
