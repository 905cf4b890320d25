// Node has no IndexedDB: Dexie runs over fake-indexeddb in both the node and the jsdom projects.
import 'fake-indexeddb/auto';
