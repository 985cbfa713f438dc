/**
 * Name pools for the sample account: companies and people from several countries, with the
 * non-ASCII names real accounts hold (Müller GmbH, 東京商事, Société Générale, Łódź...).
 */
export interface Country {
  code: string;
  cities: { city: string; state: string; zip: string }[];
  streets: string[];
  phonePrefix: string;
  tld: string;
  /** Subsidiary index (0 = parent company). */
  subsidiary: number;
}

export const COUNTRIES: Country[] = [
  { code: 'US', subsidiary: 0, phonePrefix: '+1 415 555', tld: 'com', streets: ['Market St', 'Main Street', 'Broadway', 'Elm Avenue', 'Pine St'],
    cities: [{ city: 'San Francisco', state: 'CA', zip: '94105' }, { city: 'New York', state: 'NY', zip: '10001' }, { city: 'Austin', state: 'TX', zip: '73301' }, { city: 'Seattle', state: 'WA', zip: '98101' }] },
  { code: 'CA', subsidiary: 0, phonePrefix: '+1 514 555', tld: 'ca', streets: ['Rue Sainte-Catherine', 'King St W', 'Yonge Street'],
    cities: [{ city: 'Montréal', state: 'QC', zip: 'H3B 1A7' }, { city: 'Toronto', state: 'ON', zip: 'M5H 2N2' }] },
  { code: 'DE', subsidiary: 1, phonePrefix: '+49 30 555', tld: 'de', streets: ['Hauptstraße', 'Königsallee', 'Schloßstraße', 'Friedrichstraße'],
    cities: [{ city: 'Berlin', state: 'BE', zip: '10115' }, { city: 'München', state: 'BY', zip: '80331' }, { city: 'Köln', state: 'NW', zip: '50667' }] },
  { code: 'FR', subsidiary: 1, phonePrefix: '+33 1 55', tld: 'fr', streets: ['Rue de la Paix', 'Boulevard Saint-Germain', 'Avenue des Champs-Élysées'],
    cities: [{ city: 'Paris', state: '', zip: '75002' }, { city: 'Lyon', state: '', zip: '69002' }] },
  { code: 'PL', subsidiary: 1, phonePrefix: '+48 42 555', tld: 'pl', streets: ['ul. Piotrkowska', 'ul. Marszałkowska'],
    cities: [{ city: 'Łódź', state: '', zip: '90-001' }, { city: 'Kraków', state: '', zip: '30-001' }] },
  { code: 'SE', subsidiary: 1, phonePrefix: '+46 8 555', tld: 'se', streets: ['Drottninggatan', 'Götgatan'],
    cities: [{ city: 'Stockholm', state: '', zip: '111 22' }, { city: 'Malmö', state: '', zip: '211 20' }] },
  { code: 'JP', subsidiary: 2, phonePrefix: '+81 3 5555', tld: 'jp', streets: ['千代田区丸の内1-1', '渋谷区神南1-2', '中央区銀座4-5'],
    cities: [{ city: '東京', state: 'Tokyo', zip: '100-0005' }, { city: '大阪', state: 'Osaka', zip: '530-0001' }] },
  { code: 'GB', subsidiary: 1, phonePrefix: '+44 20 7946', tld: 'co.uk', streets: ['High Street', 'Baker Street', 'Oxford Road'],
    cities: [{ city: 'London', state: '', zip: 'EC1A 1BB' }, { city: 'Manchester', state: '', zip: 'M1 1AE' }] },
];

/** Hand-picked company names (each used once, first), then generated ones. */
export const NOTABLE_COMPANIES: { name: string; country: string }[] = [
  { name: 'Müller GmbH', country: 'DE' },
  { name: '東京商事', country: 'JP' },
  { name: 'Société Générale de Négoce', country: 'FR' },
  { name: 'Łódzkie Zakłady Włókiennicze', country: 'PL' },
  { name: 'Öresund Logistik AB', country: 'SE' },
  { name: 'Café Olé & Co.', country: 'US' },
  { name: 'Bäckerei Schäfer', country: 'DE' },
  { name: 'Les Délices d\'Hélène', country: 'FR' },
  { name: '大阪テクノロジー株式会社', country: 'JP' },
  { name: 'O\'Brien & Sons Ltd', country: 'GB' },
  { name: 'Crème de la Crème SARL', country: 'FR' },
  { name: 'Zürcher Präzision AG', country: 'DE' },
];

export const COMPANY_STEMS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne',
  'Nordwind', 'Sonnenschein', 'Bergmann', 'Lumière', 'Étoile', 'Fjällräv', 'Sakura', 'Fuji', 'Kowalski', 'Piękny', 'Blue Harbor',
  'Redwood', 'Silver Lake', 'Granite', 'Maple', 'Cedar', 'Harbor', 'Summit',
];
export const COMPANY_NOUNS = ['Systems', 'Logistics', 'Foods', 'Analytics', 'Media', 'Health', 'Energy', 'Robotics', 'Consulting', 'Textiles', 'Software', 'Pharma', 'Retail', 'Labs', 'Motors', 'Finance', 'Design', 'Security', 'Travel', 'Studios'];
export const LEGAL_FORMS: Record<string, string[]> = {
  US: ['Inc.', 'LLC', 'Corp.'], CA: ['Inc.', 'Ltée'], DE: ['GmbH', 'AG', 'KG'], FR: ['SA', 'SARL', 'SAS'], PL: ['Sp. z o.o.', 'S.A.'],
  SE: ['AB'], JP: ['株式会社', 'KK'], GB: ['Ltd', 'PLC'],
};

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Chloé', 'David', 'Élodie', 'Frank', 'Grace', 'Hiroshi', 'Ingrid', 'José', 'Katarzyna', 'Liam', 'María', 'Nils',
  'Olivia', 'Paweł', 'Quentin', 'Rosa', 'Søren', 'Tomás', 'Ursula', 'Véronique', 'Wojciech', 'Xavier', 'Yuki', 'Zoë', 'Łukasz',
  'François', 'Jürgen', 'Åsa', '太郎', '花子', 'Siobhán', 'Renée', 'Björn', 'Chen', 'Aiko', 'Mateo', 'Noah', 'Emma',
];
export const LAST_NAMES = [
  'Smith', 'Müller', 'Dubois', 'Kowalski', 'Andersson', 'Tanaka', 'García', 'Jones', 'Schäfer', 'Lefèvre', 'Nowak', 'Lindqvist',
  'Suzuki', 'Fernández', 'O\'Connor', 'Brown', 'Weiß', 'Moreau', 'Wiśniewski', 'Öberg', '山田', '佐藤', 'Nguyễn', 'Kim', 'Rossi',
  'Novák', 'Jensen', 'Dvořák', 'Martin', 'Taylor',
];
export const TITLES = ['CEO', 'CFO', 'Head of Operations', 'Customer Success Manager', 'Purchasing Lead', 'IT Director', 'Account Manager', 'Office Manager', 'VP Sales', 'Geschäftsführer', 'Directrice financière', '部長', ''];

/** ASCII slug for e-mail addresses and web domains (ü → u, ł → l, 東京 → dropped). */
export function slug(s: string): string {
  return s
    .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ß/g, 'ss').replace(/æ/g, 'ae')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
