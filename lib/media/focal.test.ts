import { describe, expect, it } from 'vitest';
import { focalCrop, focalOrCentre } from './focal';

describe('focalCrop', () => {
  const wide = { width: 4000, height: 2000 };
  const tall = { width: 1000, height: 3000 };

  it('centres the crop on the focal point', () => {
    // 1200x630 aspect on a 4000x2000 image: full height, width 3810.
    expect(focalCrop(wide, { x: 0.5, y: 0.5 }, 1200 / 630)).toEqual({ left: 95, top: 0, width: 3810, height: 2000 });
    // A 1:1 crop around a point at 30% across.
    expect(focalCrop(wide, { x: 0.3, y: 0.5 }, 1)).toEqual({ left: 200, top: 0, width: 2000, height: 2000 });
  });

  it('keeps the crop inside the image when the point is near an edge', () => {
    expect(focalCrop(wide, { x: 0, y: 0 }, 1)).toEqual({ left: 0, top: 0, width: 2000, height: 2000 });
    expect(focalCrop(wide, { x: 1, y: 1 }, 1)).toEqual({ left: 2000, top: 0, width: 2000, height: 2000 });
    const c = focalCrop(tall, { x: 0.5, y: 0.95 }, 16 / 9);
    expect(c).toEqual({ left: 0, top: 3000 - 563, width: 1000, height: 563 });
  });

  it('moves a 16:9 crop of a portrait image towards a face high in the frame', () => {
    const c = focalCrop(tall, { x: 0.5, y: 0.2 }, 16 / 9);
    expect(c.top).toBe(319); // 600 - 563/2, rounded
    expect(c.top + c.height / 2).toBeCloseTo(600, -1);
  });

  it('uses the centre when no focal point is set', () => {
    expect(focalCrop(tall, {}, 16 / 9)).toEqual({ left: 0, top: 1219, width: 1000, height: 563 });
    expect(focalOrCentre(null)).toBe(0.5);
    expect(focalOrCentre(7)).toBe(1);
  });
});
