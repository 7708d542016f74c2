/**
 * A local SMS gateway (SMPP server) and mail server that print what the app sends — to watch
 * booking confirmations without a real provider. Loopback only. Start the app against them:
 *   SMPP_URL=smpp://127.0.0.1:2775 SMPP_SYSTEM_ID=buergerbuero SMPP_PASSWORD=secret12 \
 *   SMTP_URL=smtp://127.0.0.1:2525 npm start
 */
import { startSmppSink } from '../test/helpers/smpp-sink.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';

const sms = await startSmppSink({ port: Number(process.env.SMPP_PORT ?? 2775) });
const mail = await startSmtpSink(Number(process.env.SMTP_PORT ?? 2525));
console.log(`SMPP server: ${sms.url} (system id "${sms.systemId}", password "${sms.password}")`);
console.log(`SMTP server: smtp://127.0.0.1:${mail.port}`);
console.log('Waiting for messages (Ctrl+C ends) …\n');

let shownSms = 0;
let shownMail = 0;
setInterval(() => {
  for (const m of sms.messages().slice(shownSms)) {
    console.log(
      `── SMS to +${m.to} from ${m.from} (${m.parts} part(s), data_coding ${m.dataCoding})`,
    );
    console.log(`${m.text}\n`);
  }
  shownSms = sms.messages().length;
  for (const m of mail.messages().slice(shownMail)) {
    const calendar = m.leaves.find((part) => part.type === 'text/calendar');
    console.log(`── E-mail to ${m.envelope.to.join(', ')}: ${m.subject}`);
    console.log(m.text);
    if (calendar) console.log(`[calendar file]\n${calendar.body}`);
    console.log();
  }
  shownMail = mail.messages().length;
}, 300);

const stop = () => void Promise.all([sms.stop(), mail.stop()]).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
