import { createTransport, type Transporter } from 'nodemailer';

export type OutgoingMail = { from: string; to: string; subject: string; text: string };

// One transport per SMTP URL for the life of the process, so every send reuses its settings.
const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Timeouts well inside the job lease (10 min), so a hung server cannot make a second runner resend.
    transport = createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Sends one plain-text UTF-8 message; rejects when the server refuses it. */
export async function sendMail(smtpUrl: string, mail: OutgoingMail): Promise<void> {
  await transportFor(smtpUrl).sendMail({
    ...mail,
    // RFC 3834: tells auto-responders not to answer.
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
}
