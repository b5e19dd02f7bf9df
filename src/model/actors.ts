// Actors made from a country alone, the same in every stage: the state, its people and its refugees.
import type { Actor } from './analysis.js';

/** A state named as an actor acts through its government (CAMEO codes it by the country alone). */
export function stateActor(iso3: string, name: string): Actor {
  return { id: iso3, name, kind: 'state', country: iso3, sector: 'GOV', cameo: iso3, wikidata: null };
}

/** A country's people ("protesters" in Dhaka are Bangladeshi civilians). */
export function civiliansActor(iso3: string, name: string): Actor {
  return { id: `${iso3}:civilians`, name: `${name} civilians`, kind: 'group', country: iso3, sector: 'CVL', cameo: `${iso3}CVL`, wikidata: null };
}

/** A country's refugees ("“They told us to go back,” said a refugee from Somalia"). */
export function refugeesActor(iso3: string, name: string): Actor {
  return { id: `${iso3}:refugees`, name: `${name} Refugees`, kind: 'group', country: iso3, sector: 'REF', cameo: `${iso3}REF`, wikidata: null };
}
