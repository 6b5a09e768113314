import http from 'node:http';
import mysql, { RowDataPacket } from 'mysql2/promise';
import { RawLine, rawPurchase } from './raw-purchase';

/*
 * The ceiling of the POS accrual benchmark: a bare node:http server that does
 * the same writes as the raw SQL phase for each POST, one transaction per
 * request, and nothing else (no auth, no validation, no framework, no logs).
 * What the API does above this is what its features cost.
 *
 *   CEILING_PORT, CEILING_DB_URL (mysql://user:pass@host:port/db), CEILING_POOL
 */
function main(): void {
  const url = new URL(process.env.CEILING_DB_URL ?? '');
  const pool = mysql.createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    socketPath: url.searchParams.get('socket') || undefined,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    connectionLimit: Number(process.env.CEILING_POOL ?? 20),
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  const storeId = '00000000-0000-7000-8000-0000000ce111';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            receiptNo: string;
            member: { cardNo: string };
            lines: RawLine[];
          };
          const [cards] = await pool.query<RowDataPacket[]>('SELECT member_id FROM cards WHERE card_no = ?', [body.member.cardNo]);
          const conn = await pool.getConnection();
          try {
            const r = await rawPurchase(conn, String(cards[0].member_id), body.member.cardNo, storeId, body.receiptNo, body.lines);
            res.writeHead(201, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ receiptNo: body.receiptNo, pointsEarned: r.points, points: { balance: r.balanceAfter } }));
          } finally {
            conn.release();
          }
        } catch (err) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: (err as Error).message }));
        }
      })();
    });
  });
  server.listen(Number(process.env.CEILING_PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}

main();
