/**
 * Generators that several graders share.
 */
import fc from "fast-check";

/**
 * Numbers with `places` digits after the point, from min to max: 0.37, 1234.5, 0.001.
 *
 * For contracts over plain numbers where the digits carry no meaning. Like any double they are
 * mostly inexact in binary (0.1 is not 1/10), so the arithmetic is as exposed as with arbitrary
 * doubles; but a failing case reads 599.88, not 599.8800000000001 or 8.556535264090243, and it
 * shrinks as a whole number does: fast, and toward 0.01 rather than a boundary in the bits.
 * Graders that need doubles at their edges generate those on purpose.
 */
export function decimal(min: number, max: number, places: number): fc.Arbitrary<number> {
  const scale = 10 ** places;
  return fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }).map((n) => n / scale);
}
