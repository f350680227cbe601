import { describe, expect, it } from 'vitest';
import type { GovLevel } from '../schemas/enums.js';
import { UnitTree } from '../units/unit-tree.js';
import { isEscalated, isPetitionEscalated } from './escalation.js';
import { codeOf, scheme, withPetitions } from './test-support.js';

const tree = new UnitTree([
  { id: 'city', kind: 'city', parentId: null },
  { id: 'city-dept', kind: 'department', parentId: 'city' },
  { id: 'county', kind: 'county', parentId: 'city' },
  { id: 'county-dept', kind: 'department', parentId: 'county' },
  { id: 'town', kind: 'township', parentId: 'county' },
  { id: 'village', kind: 'village', parentId: 'town' },
]);

const escalated = (unitId: string, levelReceived: GovLevel) =>
  isPetitionEscalated({ unitId, levelReceived }, tree, scheme);

describe('escalation (越级信访)', () => {
  it('a township matter received by the city, province or nation is escalated; by the county it is not', () => {
    expect(escalated('town', 'city')).toBe(true);
    expect(escalated('town', 'province')).toBe(true);
    expect(escalated('town', 'national')).toBe(true);
    expect(escalated('town', 'county')).toBe(false);
  });

  it('a county-department matter received by the province or nation is escalated; by the city it is not', () => {
    expect(escalated('county-dept', 'province')).toBe(true);
    expect(escalated('county-dept', 'national')).toBe(true);
    expect(escalated('county-dept', 'city')).toBe(false);
  });

  it('a city-department matter stands at city level', () => {
    expect(escalated('city-dept', 'province')).toBe(false);
    expect(escalated('city-dept', 'national')).toBe(true);
  });

  it('a village matter received by the county or above is escalated; by the township it is not', () => {
    expect(escalated('village', 'county')).toBe(true);
    expect(escalated('village', 'city')).toBe(true);
    expect(escalated('village', 'township')).toBe(false);
  });

  it('received at the own level or below is not escalated', () => {
    expect(escalated('town', 'township')).toBe(false);
    expect(escalated('town', 'village')).toBe(false);
    expect(escalated('county-dept', 'county')).toBe(false);
    expect(escalated('county', 'township')).toBe(false);
  });

  it('uses the scheme’s number of normal levels above', () => {
    expect(isEscalated('county', 'township', withPetitions({ normalLevelsAbove: 0 }))).toBe(true);
    expect(isEscalated('city', 'township', withPetitions({ normalLevelsAbove: 2 }))).toBe(false);
  });

  it('fails for an unknown responsible unit', () => {
    expect(codeOf(() => escalated('nowhere', 'city'))).toBe('unit.notFound');
  });
});
