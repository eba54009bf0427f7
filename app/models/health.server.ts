import { sqlite } from '~db/client';

export function checkDatabase() {
  sqlite.prepare('select 1').get();
}
