// A mail worker in a process of its own, as after a server restart: it opens DATABASE_PATH
// afresh, sends what is due at WORKER_NOW through WORKER_SMTP_URL once, prints its report as
// JSON and exits. Tests run it with tsx (see runMailWorkerProcess).
import { sqlite } from '~db/client';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';

const transport = createMailTransport(process.env.WORKER_SMTP_URL!);
const now = new Date(process.env.WORKER_NOW!);
const report = await deliverDueMail({ transport, now: () => now });
transport.close();
sqlite.close();
process.stdout.write(JSON.stringify(report));
