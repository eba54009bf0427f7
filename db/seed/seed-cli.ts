// npm run db:seed — loads the demo programme into DATABASE_PATH and lists its sign-ins.
import { databasePath, sqlite } from '../client';
import { seedDemo } from './demo';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';

const result = await seedDemo();
console.log(
  `Demo programme seeded into ${databasePath()}: ${result.created} accounts created, ${result.updated} updated; ` +
    `${result.households} households and ${result.applications} applications added.`,
);
console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
for (const person of DEMO_PEOPLE) {
  const signIn = person.email ?? person.phone!;
  console.log(`  ${person.roles.join(', ').padEnd(12)} ${signIn.padEnd(38)} ${person.name}`);
}
sqlite.close();
