/**
 * The generator's vocabulary: countries, cities and parts of invented town, company and person
 * names, sectors, organisation and event kinds with their weights and words, topics, programmes,
 * and the list sentences that introduce shared evidence. Names are real where the place is real;
 * everything else is composed from parts in the language of its country, with the diacritics
 * those languages use (ä ö õ ü š ž å).
 */
import { ENTITY_DECLARATIONS } from '../modules/entity/entity.registry';
import type { EntityLabel, RelationshipType } from '../shared/model';

export type Lang = 'en' | 'fi' | 'et' | 'ru' | 'sv' | 'de' | 'es';
export type Names = Partial<Record<Lang, string>>;

export interface CountryDef {
  code: string;
  en: string;
  lang: Exclude<Lang, 'en'>;
  names: Names;
  weight: number;
  zone: string;
}

export const COUNTRIES: readonly CountryDef[] = [
  {
    code: 'FI',
    en: 'Finland',
    lang: 'fi',
    names: { fi: 'Suomi', et: 'Soome', ru: 'Финляндия', sv: 'Finland' },
    weight: 28,
    zone: 'Europe/Helsinki',
  },
  {
    code: 'RU',
    en: 'Russia',
    lang: 'ru',
    names: { ru: 'Россия', fi: 'Venäjä', et: 'Venemaa' },
    weight: 25,
    zone: 'Europe/Moscow',
  },
  {
    code: 'EE',
    en: 'Estonia',
    lang: 'et',
    names: { et: 'Eesti', fi: 'Viro', ru: 'Эстония' },
    weight: 22,
    zone: 'Europe/Tallinn',
  },
  {
    code: 'ES',
    en: 'Spain',
    lang: 'es',
    names: { es: 'España', fi: 'Espanja', et: 'Hispaania', ru: 'Испания' },
    weight: 10,
    zone: 'Europe/Madrid',
  },
  {
    code: 'SE',
    en: 'Sweden',
    lang: 'sv',
    names: { sv: 'Sverige', fi: 'Ruotsi', et: 'Rootsi', ru: 'Швеция' },
    weight: 8,
    zone: 'Europe/Stockholm',
  },
  {
    code: 'DE',
    en: 'Germany',
    lang: 'de',
    names: { de: 'Deutschland', fi: 'Saksa', et: 'Saksamaa', ru: 'Германия' },
    weight: 7,
    zone: 'Europe/Berlin',
  },
];

/** [English name, names by language, Finnish genitive, Estonian genitive, zone if not the country's]. */
export type CityDef = [string, Names, string, string?, string?];

export const CITIES: Record<string, readonly CityDef[]> = {
  FI: [
    ['Helsinki', { sv: 'Helsingfors', et: 'Helsingi', ru: 'Хельсинки' }, 'Helsingin', 'Helsingi'],
    ['Tampere', { sv: 'Tammerfors', ru: 'Тампере' }, 'Tampereen'],
    ['Turku', { sv: 'Åbo', et: 'Turu', ru: 'Турку' }, 'Turun', 'Turu'],
    ['Espoo', { sv: 'Esbo', ru: 'Эспоо' }, 'Espoon'],
    ['Oulu', { sv: 'Uleåborg', ru: 'Оулу' }, 'Oulun'],
    ['Lappeenranta', { sv: 'Villmanstrand', ru: 'Лаппеэнранта' }, 'Lappeenrannan'],
    ['Lahti', { sv: 'Lahtis', ru: 'Лахти' }, 'Lahden'],
    ['Jyväskylä', { ru: 'Ювяскюля' }, 'Jyväskylän'],
    ['Kuopio', { ru: 'Куопио' }, 'Kuopion'],
    ['Vaasa', { sv: 'Vasa', ru: 'Вааса' }, 'Vaasan'],
    ['Kotka', { ru: 'Котка' }, 'Kotkan'],
    ['Joensuu', { ru: 'Йоэнсуу' }, 'Joensuun'],
    ['Hämeenlinna', { sv: 'Tavastehus', ru: 'Хямеэнлинна' }, 'Hämeenlinnan'],
    ['Seinäjoki', { ru: 'Сейнайоки' }, 'Seinäjoen'],
    ['Rovaniemi', { ru: 'Рованиеми' }, 'Rovaniemen'],
    ['Mikkeli', { sv: 'S:t Michel', ru: 'Миккели' }, 'Mikkelin'],
  ],
  RU: [
    [
      'St Petersburg',
      { ru: 'Санкт-Петербург', fi: 'Pietari', et: 'Peterburi', sv: 'Sankt Petersburg' },
      'Pietarin',
      'Peterburi',
    ],
    ['Moscow', { ru: 'Москва', fi: 'Moskova', et: 'Moskva', de: 'Moskau' }, 'Moskovan', 'Moskva'],
    ['Vyborg', { ru: 'Выборг', fi: 'Viipuri', et: 'Viiburi', sv: 'Viborg' }, 'Viipurin', 'Viiburi'],
    ['Petrozavodsk', { ru: 'Петрозаводск', fi: 'Petroskoi', et: 'Petroskoi' }, 'Petroskoin'],
    ['Veliky Novgorod', { ru: 'Великий Новгород', fi: 'Novgorod' }, 'Novgorodin', 'Novgorodi'],
    ['Pskov', { ru: 'Псков', fi: 'Pihkova', et: 'Pihkva' }, 'Pihkovan', 'Pihkva'],
    ['Murmansk', { ru: 'Мурманск' }, 'Murmanskin', 'Murmanski'],
    ['Kaliningrad', { ru: 'Калининград' }, 'Kaliningradin', 'Kaliningradi', 'Europe/Kaliningrad'],
    ['Kazan', { ru: 'Казань', et: 'Kaasan' }, 'Kazanin', 'Kaasani'],
    [
      'Yekaterinburg',
      { ru: 'Екатеринбург', fi: 'Jekaterinburg', et: 'Jekaterinburg' },
      'Jekaterinburgin',
      'Jekaterinburgi',
      'Asia/Yekaterinburg',
    ],
    ['Arkhangelsk', { ru: 'Архангельск', fi: 'Arkangeli', et: 'Arhangelsk' }, 'Arkangelin'],
    ['Kostomuksha', { ru: 'Костомукша', fi: 'Kostamus', et: 'Kostomukša' }, 'Kostamuksen'],
    ['Sortavala', { ru: 'Сортавала' }, 'Sortavalan'],
    [
      'Ivangorod',
      { ru: 'Ивангород', fi: 'Iivananlinna', et: 'Jaanilinn' },
      'Iivananlinnan',
      'Jaanilinna',
    ],
    ['Novosibirsk', { ru: 'Новосибирск' }, 'Novosibirskin', 'Novosibirski', 'Asia/Novosibirsk'],
  ],
  EE: [
    ['Tallinn', { fi: 'Tallinna', ru: 'Таллин' }, 'Tallinnan', 'Tallinna'],
    ['Tartu', { fi: 'Tartto', ru: 'Тарту', de: 'Dorpat' }, 'Tarton'],
    ['Narva', { ru: 'Нарва' }, 'Narvan'],
    ['Pärnu', { ru: 'Пярну' }, 'Pärnun'],
    ['Kohtla-Järve', { ru: 'Кохтла-Ярве' }, 'Kohtla-Järven'],
    ['Viljandi', { ru: 'Вильянди' }, 'Viljandin'],
    ['Rakvere', { ru: 'Раквере' }, 'Rakveren'],
    ['Maardu', { ru: 'Маарду' }, 'Maardun'],
    ['Kuressaare', { ru: 'Курессааре' }, 'Kuressaaren'],
    ['Sillamäe', { ru: 'Силламяэ' }, 'Sillamäen'],
    ['Võru', { ru: 'Выру' }, 'Võrun'],
    ['Jõhvi', { ru: 'Йыхви' }, 'Jõhvin'],
    ['Haapsalu', { sv: 'Hapsal', ru: 'Хаапсалу' }, 'Haapsalun'],
  ],
  ES: [
    ['Madrid', { ru: 'Мадрид' }, 'Madridin', 'Madridi'],
    ['Barcelona', { ru: 'Барселона' }, 'Barcelonan'],
    ['Bilbao', { ru: 'Бильбао' }, 'Bilbaon'],
    ['Valencia', { ru: 'Валенсия' }, 'Valencian'],
    ['Seville', { es: 'Sevilla', fi: 'Sevilla', et: 'Sevilla', ru: 'Севилья' }, 'Sevillan'],
    ['Málaga', { ru: 'Малага' }, 'Málagan'],
    ['Zaragoza', { ru: 'Сарагоса' }, 'Zaragozan'],
    ['San Sebastián', { ru: 'Сан-Себастьян' }, 'San Sebastiánin', 'San Sebastiáni'],
    ['A Coruña', { ru: 'Ла-Корунья' }, 'A Coruñan'],
    ['Córdoba', { ru: 'Кордова' }, 'Córdoban'],
    ['Gijón', { ru: 'Хихон' }, 'Gijónin', 'Gijóni'],
    ['Pamplona', { ru: 'Памплона' }, 'Pamplonan'],
  ],
  SE: [
    ['Stockholm', { fi: 'Tukholma', ru: 'Стокгольм' }, 'Tukholman', 'Stockholmi'],
    [
      'Gothenburg',
      { sv: 'Göteborg', fi: 'Göteborg', et: 'Göteborg', ru: 'Гётеборг' },
      'Göteborgin',
    ],
    ['Malmö', { ru: 'Мальмё' }, 'Malmön'],
    ['Uppsala', { fi: 'Upsala', ru: 'Уппсала' }, 'Upsalan'],
    ['Umeå', { fi: 'Uumaja', ru: 'Умео' }, 'Uumajan'],
    ['Luleå', { fi: 'Luulaja', ru: 'Лулео' }, 'Luulajan'],
    ['Västerås', { ru: 'Вестерос' }, 'Västeråsin', 'Västeråsi'],
    ['Örebro', { ru: 'Эребру' }, 'Örebron'],
    ['Linköping', { ru: 'Линчёпинг' }, 'Linköpingin', 'Linköpingi'],
    ['Haparanda', { fi: 'Haaparanta', ru: 'Хапаранда' }, 'Haaparannan'],
  ],
  DE: [
    ['Berlin', { fi: 'Berliini', et: 'Berliin', ru: 'Берлин' }, 'Berliinin', 'Berliini'],
    ['Hamburg', { fi: 'Hampuri', ru: 'Гамбург' }, 'Hampurin', 'Hamburgi'],
    ['Munich', { de: 'München', fi: 'München', et: 'München', ru: 'Мюнхен' }, 'Münchenin'],
    ['Cologne', { de: 'Köln', fi: 'Köln', et: 'Köln', ru: 'Кёльн' }, 'Kölnin', 'Kölni'],
    ['Lübeck', { fi: 'Lyypekki', ru: 'Любек' }, 'Lyypekin', 'Lübecki'],
    ['Düsseldorf', { ru: 'Дюссельдорф' }, 'Düsseldorfin', 'Düsseldorfi'],
    ['Dresden', { ru: 'Дрезден' }, 'Dresdenin', 'Dresdeni'],
    ['Leipzig', { ru: 'Лейпциг' }, 'Leipzigin', 'Leipzigi'],
    ['Rostock', { ru: 'Росток' }, 'Rostockin', 'Rostocki'],
  ],
};

/** Splits a list written as one string: "a|b|c". Keeps the vocabulary tables compact. */
const list = (text: string): readonly string[] => text.split('|');

/** Parts of invented town names, in the country's language: prefixes, then suffix:Finnish-genitive. */
export const TOWN_PARTS: Record<
  string,
  [readonly string[], readonly (readonly [string, string?])[]]
> = {
  FI: [
    list('Kivi|Koski|Mänty|Koivu|Kuusi|Haapa|Paju|Ylä|Ala|Vähä|Iso'),
    list(
      'lahti:lahden|joki:joen|järvi:järven|mäki:mäen|salmi:salmen|niemi:niemen|vaara:vaaran|kylä:kylän|harju:harjun|saari:saaren',
    ).map((pair) => pair.split(':') as [string, string]),
  ],
  RU: [
    list('Ново|Старо|Красно|Бело|Верхне|Нижне|Светло|Лесо'),
    list('озёрск|горск|речинск|сосновск|полянск|борск|град|ключинск').map((x) => [x]),
  ],
  EE: [
    list('Kivi|Järve|Metsa|Kase|Männi|Lepa|Vana|Kõrve|Põllu|Ülem'),
    list('küla|vere|mäe|jõe|pää|saare|oja|nõmme').map((x) => [x]),
  ],
  ES: [
    list('Villanueva|San Martín|Torre|Puebla|Castillo|Fuente|Santa María|Valle'),
    list(' del Río| de la Sierra| de Arriba| del Mar| de los Ángeles| del Campo| del Monte').map(
      (x) => [x],
    ),
  ],
  SE: [
    list('Björk|Gran|Sjö|Ek|Lind|Ål|Häll|Strand|Öst|Väst'),
    list('by|torp|vik|sund|holm|ås|hamn|berga').map((x) => [x]),
  ],
  DE: [
    list('Ober|Unter|Neu|Alt|Groß|Klein|Nieder|Hoch'),
    list('dorf|hausen|feld|bach|burg|heim|stadt|brück').map((x) => [x]),
  ],
};

/** Fields of work: English, Finnish compound stem, Estonian (nominative, genitive), Russian, Swedish, German, Spanish. */
export interface Sector {
  en: string;
  fi: string;
  etNom: string;
  et: string;
  ru: string;
  sv: string;
  de: string;
  es: string;
}
/** One sector from "en|fi stem|et nominative|et genitive|ru|sv|de|es". */
function sector(fields: string): Sector {
  const [en, fi, etNom, et, ru, sv, de, es] = fields.split('|') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { en, fi, etNom, et, ru, sv, de, es };
}

export const SECTORS: readonly Sector[] = [
  sector(
    'Circular Economy|kiertotalous|ringmajandus|ringmajanduse|Циркулярная экономика|cirkulär ekonomi|Kreislaufwirtschaft|Economía Circular',
  ),
  sector(
    'Cleantech|cleantech-|puhastehnoloogia|puhastehnoloogia|Чистые технологии|miljöteknik|Umwelttechnik|Tecnologías Limpias',
  ),
  sector(
    'Water Technology|vesiteknologia|veetehnoloogia|veetehnoloogia|Водные технологии|vattenteknik|Wassertechnik|Tecnologías del Agua',
  ),
  sector(
    'Bioeconomy|biotalous|biomajandus|biomajanduse|Биоэкономика|bioekonomi|Bioökonomie|Bioeconomía',
  ),
  sector(
    'Renewable Energy|uusiutuvan energian |taastuvenergia|taastuvenergia|Возобновляемая энергетика|förnybar energi|Erneuerbare Energien|Energías Renovables',
  ),
  sector(
    'Energy Efficiency|energiatehokkuus|energiatõhusus|energiatõhususe|Энергоэффективность|energieffektivitet|Energieeffizienz|Eficiencia Energética',
  ),
  sector(
    'Smart City|älykaupunki|tark linn|targa linna|Умный город|smarta städer|Smart City|Ciudades Inteligentes',
  ),
  sector('Hydrogen|vety|vesinik|vesiniku|Водородная энергетика|vätgas|Wasserstoff|Hidrógeno'),
  sector(
    'Waste Management|jätehuolto|jäätmekäitlus|jäätmekäitluse|Обращение с отходами|avfallshantering|Abfallwirtschaft|Gestión de Residuos',
  ),
  sector(
    'Urban Environment|kaupunkiympäristö|linnakeskkond|linnakeskkonna|Городская среда|stadsmiljö|Stadtumwelt|Medio Ambiente Urbano',
  ),
  sector(
    'Forest Industry|metsäteollisuus|metsatööstus|metsatööstuse|Лесная промышленность|skogsindustri|Forstwirtschaft|Industria Forestal',
  ),
  sector(
    'Industrial Symbiosis|teollisen symbioosin |tööstussümbioos|tööstussümbioosi|Промышленный симбиоз|industriell symbios|Industrielle Symbiose|Simbiosis Industrial',
  ),
];

export type OrgKind =
  | 'FUND'
  | 'RESEARCH_CENTRE'
  | 'INCUBATOR'
  | 'TECHNOPARK'
  | 'CLUSTER'
  | 'ASSOCIATION'
  | 'COMPETENCE_CENTRE'
  | 'EXPERT_GROUP'
  | 'COMPANY'
  | 'COMPANY_GROUP'
  | 'PUBLIC_BODY'
  | 'UNIVERSITY'
  | 'OTHER';

/** A word in every language, from "en|fi|et|ru|sv|de|es". */
function words(fields: string): Record<Lang, string> {
  const [en, fi, et, ru, sv, de, es] = fields.split('|') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { en, fi, et, ru, sv, de, es };
}

/** Organisation kinds named "<city> <sector> <kind word>", with their words per language. */
export const KIND_WORDS: Partial<Record<OrgKind, Record<Lang, string>>> = {
  CLUSTER: words('Cluster|klusteri|klaster|Кластер|Kluster|Cluster|Clúster'),
  RESEARCH_CENTRE: words(
    'Research Centre|tutkimuskeskus|teaduskeskus|Научный центр|Forskningscentrum|Forschungszentrum|Centro de Investigación',
  ),
  INCUBATOR: words(
    'Business Incubator|yrityshautomo|äriinkubaator|Бизнес-инкубатор|Företagsinkubator|Gründerzentrum|Incubadora',
  ),
  TECHNOPARK: words(
    'Technopark|teknologiapuisto|tehnopark|Технопарк|Teknikpark|Technologiepark|Parque Tecnológico',
  ),
  FUND: words(
    'Innovation Fund|innovaatiorahasto|innovatsioonifond|Фонд инноваций|Innovationsfond|Innovationsfonds|Fondo de Innovación',
  ),
  ASSOCIATION: words('Association|yhdistys|ühing|Ассоциация|Förening|Verband|Asociación'),
  COMPETENCE_CENTRE: words(
    'Competence Centre|osaamiskeskus|kompetentsikeskus|Компетенционный центр|Kompetenscentrum|Kompetenzzentrum|Centro de Competencia',
  ),
  EXPERT_GROUP: words(
    'Expert Group|asiantuntijaryhmä|ekspertrühm|Экспертная группа|Expertgrupp|Expertengruppe|Grupo de Expertos',
  ),
  PUBLIC_BODY: words('Agency|virasto|amet|Агентство|Myndighet|Agentur|Agencia'),
  OTHER: words('Centre|keskus|keskus|Центр|Centrum|Zentrum|Centro'),
};

export const ORG_KIND_WEIGHTS: readonly [OrgKind, number][] = [
  ['COMPANY', 30],
  ['CLUSTER', 12],
  ['RESEARCH_CENTRE', 8],
  ['ASSOCIATION', 8],
  ['PUBLIC_BODY', 7],
  ['INCUBATOR', 6],
  ['UNIVERSITY', 5],
  ['FUND', 5],
  ['COMPETENCE_CENTRE', 5],
  ['TECHNOPARK', 4],
  ['EXPERT_GROUP', 3],
  ['COMPANY_GROUP', 3],
  ['OTHER', 4],
];

/** Company names: [prefixes, suffixes, legal forms] per country (Russian ones in Cyrillic). */
export const COMPANY_PARTS: Record<
  string,
  [readonly string[], readonly string[], readonly string[]]
> = {
  FI: [
    list('Eko|Bio|Puhdas|Kierto|Vesi|Metsä|Aurinko|Tuuli|Järvi|Lämpö|Sisu'),
    list('vesi|virta|kierto|tekniikka|energia|materiaali|metalli|kuitu|voima'),
    list('Oy|Oy|Oyj'),
  ],
  RU: [
    list('Эко|Био|Нева|Ладога|Балт|Север|Гидро|Энерго|Жил|Чисто'),
    list('тех|ресурс|сервис|инвест|проект|строй|вод|пласт|шлак|щит'),
    list('ООО|АО'),
  ],
  EE: [
    list('Öko|Puhas|Ring|Vee|Metsa|Päikese|Tuule|Järve|Kivi|Põhja'),
    list('tehnika|energia|lahendused|materjal|vesi|kiud|metall|jõud'),
    list('OÜ|OÜ|AS'),
  ],
  ES: [
    list('Eco|Verde|Agua|Sol|Viento|Tierra|Mar|Norte|Ría'),
    list(' Tec| Energía| Reciclaje| Soluciones| Materiales| Ingeniería'),
    list('S.L.|S.A.'),
  ],
  SE: [
    list('Grön|Ren|Kretslopp|Vatten|Skog|Sol|Vind|Norr|Älv|Sjö'),
    list('teknik|energi|återvinning|material|lösningar|kraft'),
    list('AB'),
  ],
  DE: [
    list('Öko|Grün|Kreis|Wasser|Wald|Sonnen|Wind|Nord|Rhein|Elb'),
    list('technik|energie|werk|stoffe|lösungen|kraft'),
    list('GmbH|GmbH|AG'),
  ],
};

/** Person names per country: [female first, male first, surnames (male form)]; Russian in Cyrillic. */
export const PERSON_NAMES: Record<
  string,
  [readonly string[], readonly string[], readonly string[]]
> = {
  FI: [
    list('Päivi|Tiina|Sari|Minna|Kirsi|Hanna|Riikka|Sanna|Liisa|Elina|Mervi|Säde'),
    list('Jari|Juha|Mikko|Timo|Matti|Pekka|Jukka|Antti|Jyrki|Väinö|Eero|Pääkkö'),
    list(
      'Mäkelä|Virtanen|Korhonen|Nieminen|Hämäläinen|Heikkinen|Järvinen|Räsänen|Kärkkäinen|Pöyhönen|' +
        'Söderström|Åberg|Väisänen|Kääriäinen|Hyvönen|Jääskeläinen|Lindqvist|Ylä-Anttila',
    ),
  ],
  RU: [
    list('Елена|Ольга|Наталья|Татьяна|Анна|Мария|Ирина|Светлана|Юлия|Ксения|Дарья'),
    list('Александр|Сергей|Дмитрий|Андрей|Алексей|Максим|Михаил|Юрий|Олег|Евгений|Игорь'),
    list(
      'Иванов|Смирнов|Кузнецов|Соколов|Лебедев|Козлов|Морозов|Волков|Белов|Жуков|Щербаков|Крылов|' +
        'Чернышёв|Журавлёв|Баланев|Леонтьев|Цветков|Фёдоров|Рыбаков|Зайцев',
    ),
  ],
  EE: [
    list('Margit|Mari|Kadri|Triin|Piret|Ülle|Kärt|Liina|Tiiu|Pille|Reet'),
    list('Tõnu|Jüri|Mart|Rein|Andres|Peeter|Priit|Tõnis|Ülo|Märt|Indrek'),
    list(
      'Rüütelmann|Tamm|Saar|Sepp|Mägi|Kask|Kukk|Põld|Rebane|Ilves|Pärn|Kõiv|Lõhmus|Jõgi|Nõmm|Külm|' +
        'Sõber|Õunapuu',
    ),
  ],
  ES: [
    list('María|Lucía|Sofía|Inés|Begoña|Núria|Ainhoa|Marta|Carmen|Raquel'),
    list('José|Jesús|Ángel|Iñaki|Raúl|Andrés|Martín|Álvaro|Javier|Óscar'),
    list(
      'García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Muñoz|Jiménez|Ibáñez|Núñez|' +
        'Echeverría|Larrañaga',
    ),
  ],
  SE: [
    list('Åsa|Märta|Linnéa|Maja|Karin|Ingrid|Sofia|Elin|Astrid'),
    list('Björn|Göran|Håkan|Jörgen|Sören|Erik|Lars|Nils|Olof'),
    list('Öberg|Åström|Lindström|Bäckström|Sjöberg|Ekström|Nyström|Holmgren|Wåhlin'),
  ],
  DE: [
    list('Käthe|Anke|Sabine|Jana|Ute|Jördis|Heike|Lena|Brigitte'),
    list('Jürgen|Jörg|Günter|Uwe|Lukas|Matthias|Klaus|Stefan|Björn'),
    list('Müller|Schröder|Bäcker|Groß|Köhler|Weiß|Krüger|Schäfer|Böhm|Hoffmann'),
  ],
};

export const TOPICS: readonly [string, string, string, string][] = [
  ['Circular economy', 'kiertotalous', 'ringmajandus', 'циркулярная экономика'],
  ['Cleantech', 'cleantech', 'puhastehnoloogia', 'чистые технологии'],
  ['Industrial symbiosis', 'teollinen symbioosi', 'tööstussümbioos', 'промышленный симбиоз'],
  ['Bioeconomy', 'biotalous', 'biomajandus', 'биоэкономика'],
  ['Water treatment', 'vedenpuhdistus', 'veepuhastus', 'водоочистка'],
  ['Waste management', 'jätehuolto', 'jäätmekäitlus', 'обращение с отходами'],
  ['Renewable energy', 'uusiutuva energia', 'taastuvenergia', 'возобновляемая энергетика'],
  ['Energy efficiency', 'energiatehokkuus', 'energiatõhusus', 'энергоэффективность'],
  ['Smart cities', 'älykkäät kaupungit', 'targad linnad', 'умные города'],
  ['Hydrogen economy', 'vetytalous', 'vesinikumajandus', 'водородная экономика'],
  ['Plastics recycling', 'muovien kierrätys', 'plastide ringlussevõtt', 'переработка пластика'],
  ['Urban environment', 'kaupunkiympäristö', 'linnakeskkond', 'городская среда'],
  [
    'Sustainable construction',
    'kestävä rakentaminen',
    'kestlik ehitus',
    'устойчивое строительство',
  ],
  ['Textile recycling', 'tekstiilien kierrätys', 'tekstiilide ringlus', 'переработка текстиля'],
  ['Food waste', 'ruokahävikki', 'toidujäätmed', 'пищевые отходы'],
  ['Battery materials', 'akkumateriaalit', 'akumaterjalid', 'материалы для аккумуляторов'],
  ['Air quality', 'ilmanlaatu', 'õhukvaliteet', 'качество воздуха'],
  [
    'Digitalisation of industry',
    'teollisuuden digitalisaatio',
    'tööstuse digitaliseerimine',
    'цифровизация промышленности',
  ],
  [
    'Carbon capture',
    'hiilidioksidin talteenotto',
    'süsinikdioksiidi püüdmine',
    'улавливание углерода',
  ],
  ['Phosphorus recovery', 'fosforin talteenotto', 'fosfori taaskasutus', 'извлечение фосфора'],
  ['Sludge treatment', 'lietteenkäsittely', 'mudatöötlus', 'обработка осадка'],
  [
    'Green public procurement',
    'vihreät julkiset hankinnat',
    'keskkonnahoidlikud riigihanked',
    'зелёные государственные закупки',
  ],
  [
    'Circular business models',
    'kiertotalouden liiketoimintamallit',
    'ringmajanduse ärimudelid',
    'циркулярные бизнес-модели',
  ],
  ['Environmental education', 'ympäristökasvatus', 'keskkonnaharidus', 'экологическое просвещение'],
  [
    'Cross-border cooperation',
    'rajat ylittävä yhteistyö',
    'piiriülene koostöö',
    'приграничное сотрудничество',
  ],
];
export const TOPIC_FIELDS: readonly [string, string, string, string][] = [
  ['in construction', 'rakentamisessa', 'ehituses', 'в строительстве'],
  [
    'in the food industry',
    'elintarviketeollisuudessa',
    'toiduainetööstuses',
    'в пищевой промышленности',
  ],
  ['in mining', 'kaivosteollisuudessa', 'kaevandustööstuses', 'в горнодобывающей промышленности'],
  ['in shipping', 'merenkulussa', 'laevanduses', 'в судоходстве'],
  ['in municipalities', 'kunnissa', 'omavalitsustes', 'в муниципалитетах'],
  ['in SMEs', 'pk-yrityksissä', 'väikeettevõtetes', 'в малом и среднем бизнесе'],
  ['in agriculture', 'maataloudessa', 'põllumajanduses', 'в сельском хозяйстве'],
  [
    'in the chemical industry',
    'kemianteollisuudessa',
    'keemiatööstuses',
    'в химической промышленности',
  ],
  ['in housing', 'asumisessa', 'elamumajanduses', 'в жилищном хозяйстве'],
  ['in tourism', 'matkailussa', 'turismis', 'в туризме'],
  ['in logistics', 'logistiikassa', 'logistikas', 'в логистике'],
  ['in the energy sector', 'energia-alalla', 'energeetikas', 'в энергетике'],
];
export const TOPIC_ASPECTS: readonly [string, string, string, string][] = [
  ['financing', 'rahoitus', 'rahastamine', 'финансирование'],
  ['policy', 'politiikka', 'poliitika', 'политика'],
  ['standards', 'standardit', 'standardid', 'стандарты'],
  ['pilots', 'pilotit', 'pilootprojektid', 'пилотные проекты'],
  ['education', 'koulutus', 'koolitus', 'обучение'],
  ['research', 'tutkimus', 'teadustöö', 'исследования'],
];

export type EventKind =
  | 'MEETING'
  | 'FORUM'
  | 'CONFERENCE'
  | 'SESSION'
  | 'WORKING_GROUP'
  | 'AWARD_CEREMONY'
  | 'SERIES'
  | 'OTHER';
export const EVENT_KIND_WEIGHTS: readonly [EventKind, number][] = [
  ['MEETING', 30],
  ['FORUM', 14],
  ['CONFERENCE', 14],
  ['SESSION', 16],
  ['WORKING_GROUP', 10],
  ['AWARD_CEREMONY', 4],
  ['SERIES', 5],
  ['OTHER', 7],
];
/** Event kind words: [en, fi (compounds with the sector), et, ru, sv, de, es]. */
export const EVENT_WORDS: Record<EventKind, Record<Lang, string>> = {
  MEETING: words('Meeting|tapaaminen|kohtumine|Встреча|Möte|Treffen|Encuentro'),
  FORUM: words('Forum|foorumi|foorum|Форум|Forum|Forum|Foro'),
  CONFERENCE: words('Conference|konferenssi|konverents|Конференция|Konferens|Konferenz|Congreso'),
  SESSION: words('Session|sessio|sessioon|Секция|Session|Sitzung|Sesión'),
  WORKING_GROUP: words(
    'Working Group|työryhmä|töörühm|Рабочая группа|Arbetsgrupp|Arbeitsgruppe|Grupo de Trabajo',
  ),
  AWARD_CEREMONY: words(
    'Awards|palkintogaala|auhinnagala|Церемония награждения|Prisutdelning|Preisverleihung|Premios',
  ),
  SERIES: words(
    'Breakfast Series|aamiaissarja|hommikusöökide sari|Цикл встреч|Frukostserie|Frühstücksreihe|Ciclo de Desayunos',
  ),
  OTHER: words('Day|päivä|päev|День|Dag|Tag|Jornada'),
};

export type PublicationKind =
  'REPORT' | 'CONCEPT' | 'VIDEO' | 'DOCUMENTATION' | 'PHOTO' | 'PROGRAMME' | 'OTHER';
export const PUBLICATION_KIND_WEIGHTS: readonly [PublicationKind, number][] = [
  ['REPORT', 30],
  ['CONCEPT', 10],
  ['VIDEO', 10],
  ['DOCUMENTATION', 15],
  ['PHOTO', 15],
  ['PROGRAMME', 10],
  ['OTHER', 10],
];

export const PROGRAMMES = list(
  'Interreg Baltic Sea Region|Interreg Central Baltic|Interreg Estonia–Russia|South-East Finland–Russia CBC|' +
    'Karelia CBC|Kolarctic CBC|Horizon 2020|Horizon Europe|LIFE|Erasmus+|Interreg Europe|Nordic Council of Ministers',
);
export const REGIONS: readonly [string, string, string, string][] = [
  ['the Baltic Sea Region', 'Itämeren alue', 'Läänemere piirkond', 'Балтийский регион'],
  ['the Gulf of Finland', 'Suomenlahti', 'Soome laht', 'Финский залив'],
  ['the Barents Region', 'Barentsin alue', 'Barentsi piirkond', 'Баренцев регион'],
  ['Karelia', 'Karjala', 'Karjala', 'Карелия'],
  ['the Lake Peipus area', 'Peipsijärven alue', 'Peipsi järve piirkond', 'Чудское озеро'],
  ['the Nordic countries', 'Pohjoismaat', 'Põhjamaad', 'Северные страны'],
  ['Southern Europe', 'Etelä-Eurooppa', 'Lõuna-Euroopa', 'Южная Европа'],
];
export const ACRONYM_HEADS = list(
  'CIRC|ECO|GREEN|BALT|NORD|AQUA|BIO|URB|SYM|HYDRO|LOOP|CLEAN|SMART|RE',
);
export const ACRONYM_TAILS = list('-BSR|-NET|-LAB|-HUB|UP|-FIN|-EST|-RUS|PULT|LINK|2030|WAYS');

export const PERSON_ROLES = list(
  'expert|project manager|researcher|director|coordinator|CEO|advisor|analyst|engineer|' +
    'executive manager|chair of the board|board member',
);
export const COLLABORATION_ROLES = list(
  'partner|memorandum of understanding|joint project|wish to collaborate',
);

/** The source languages of documents and quotes. */
export type QuoteLang = 'fi' | 'et' | 'ru';
export const DOC_LANGS: readonly QuoteLang[] = ['fi', 'et', 'ru'];
export const DOC_LANG_WEIGHTS = [45, 30, 25];

/** List sentences for evidence shared by a batch of facts: [fi, et, ru, en] intro, then "and others". */
export const RELATION_INTROS: Record<RelationshipType, [string, string, string, string]> = {
  AFFILIATED_WITH: [
    'Organisaatioiden edustajat',
    'Organisatsioonide esindajad',
    'Представители организаций',
    'Representatives of organisations',
  ],
  PART_OF: [
    'Kokonaisuuksien osat',
    'Üksuste koosseis',
    'Состав подразделений',
    'Parts and what they belong to',
  ],
  ORGANISED: [
    'Tapahtumien järjestäjät',
    'Ürituste korraldajad',
    'Организаторы мероприятий',
    'Organisers of the events',
  ],
  PARTICIPATED_IN: [
    'Tapahtumiin osallistuneet',
    'Üritustel osalenud',
    'Участники мероприятий',
    'Participants in the events',
  ],
  HELD_IN: ['Tapahtumapaikat', 'Toimumiskohad', 'Места проведения', 'Venues'],
  BASED_IN: ['Kotipaikat', 'Asukohad', 'Местонахождение', 'Where they are based'],
  WORKS_ON: [
    'Hankkeiden kumppanit',
    'Projektide partnerid',
    'Партнёры проектов',
    'Project partners',
  ],
  PUBLISHED: [
    'Julkaisijat ja julkaisut',
    'Väljaandjad ja väljaanded',
    'Издатели и публикации',
    'Publishers and publications',
  ],
  ABOUT: ['Käsitellyt aiheet', 'Käsitletud teemad', 'Рассмотренные темы', 'Subjects dealt with'],
  COLLABORATES_WITH: [
    'Yhteistyökumppanit',
    'Koostööpartnerid',
    'Партнёры по сотрудничеству',
    'Partners working together',
  ],
  RECEIVED: ['Palkitut', 'Auhinnatud', 'Лауреаты', 'Award winners'],
  AWARDED_AT: [
    'Palkintojenjakotilaisuudet',
    'Auhinnatseremooniad',
    'Церемонии вручения',
    'Award ceremonies',
  ],
  AUDIENCE_FROM: [
    'Osallistujien kotiseudut',
    'Osalejate päritolu',
    'Откуда приехали участники',
    'Where the participants came from',
  ],
  MENTIONS: [
    'Tekstissä mainitaan',
    'Tekstis mainitakse',
    'В тексте упоминаются',
    'The text mentions',
  ],
};
/** Words introducing a list of entities of one label: each entity type declares its own. */
export const ENTITY_INTROS = Object.fromEntries(
  ENTITY_DECLARATIONS.map((d) => [d.label, d.intro]),
) as Record<EntityLabel, [string, string, string, string]>;
export const AND_OTHERS: Record<QuoteLang | 'en', string> = {
  fi: 'ym.',
  et: 'jt',
  ru: 'и др.',
  en: 'and others',
};

export const MONTHS = list(
  'January|February|March|April|May|June|July|August|September|October|November|December',
);
