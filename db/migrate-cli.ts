// Applies the committed migrations to DATABASE_PATH (the server also does this when it starts).
import { databasePath, sqlite } from './client';

console.log(`Database migrated: ${databasePath()}`);
sqlite.close();
