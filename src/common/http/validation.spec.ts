import 'reflect-metadata';
import fc from 'fast-check';
import { luhnCheckDigit } from '../../modules/cards/card-number';
import { PurchaseDto } from '../../modules/pos/dto/purchase.dto';
import { validateDto } from './validation';

const cardNo = () => '800000000000000' + String(luhnCheckDigit('800000000000000'));

const valid = () => ({
  receiptNo: 'R-1',
  member: { cardNo: cardNo() },
  occurredAt: '2026-01-01T10:00:00+08:00',
  lines: [
    { sku: 'A', category: 'dairy', quantity: 1, amountCents: 100 },
    { sku: 'B', category: 'dairy', quantity: 1, amountCents: 100 },
    { sku: 'C', category: 'dairy', quantity: 1, amountCents: 100 },
  ],
  totalCents: 300,
});

async function details(plain: unknown) {
  const result = await validateDto(PurchaseDto, plain);
  return 'error' in result ? result.error.details : [];
}

describe('validateDto on a purchase', () => {
  it('names array items with brackets: lines[2].sku, and nested objects with dots: member.cardNo', async () => {
    const body = valid();
    body.lines[2].sku = 'x'.repeat(65);
    body.member.cardNo = '123';
    expect((await details(body)).map((d) => d.field).sort()).toEqual(['lines[2].sku', 'member.cardNo']);
  });

  it('gives one message per bad field, the type error first', async () => {
    const body: Record<string, unknown> = valid();
    body.totalCents = 'a lot';
    const found = await details(body);
    expect(found).toEqual([{ field: 'totalCents', message: expect.stringContaining('whole number of cents') }]);
  });

  it('refuses -0 cents and 1e-7 quantities', async () => {
    const body = valid();
    body.lines[0].amountCents = -0;
    body.lines[1].quantity = 1e-7;
    expect((await details(body)).map((d) => d.field).sort()).toEqual(['lines[0].amountCents', 'lines[1].quantity']);
  });

  it('never throws and answers valid or a list of named fields, for any JSON value (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.record({ receiptNo: fc.jsonValue(), lines: fc.array(fc.jsonValue()) })),
        async (plain) => {
          const result = await validateDto(PurchaseDto, plain);
          if ('error' in result) {
            expect(result.error.code).toBe('VALIDATION_FAILED');
            expect(result.error.details.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
