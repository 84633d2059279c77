import type { ScaleLevel } from './scale.js';

/** Fixed ids, so every installation (and the demo seed, and tests) can find the default framework. */
export const DEFAULT_FRAMEWORK_ID = '0d9ca000-0000-4000-8000-000000000001';
export const DEFAULT_FRAMEWORK_VERSION_ID = '0d9ca000-0000-4000-8000-000000000002';

export const DEFAULT_FRAMEWORK_NAME = "Digital government capability (based on the DGCA's dimensions)";

export const DEFAULT_FRAMEWORK_DESCRIPTION =
  "A self-assessment of a government's capability for digital transformation. Its six dimensions " +
  "follow those of the Digital Government Capability Assessment (DGCA) in UN DESA's toolkit; the " +
  'statements and the scale were written for Archipelago in plain language and are not United ' +
  'Nations text. Platform administrators may start a new version to adapt it.';

export const DEFAULT_SCALE: ScaleLevel[] = [
  {
    value: 1,
    label: 'Not in place',
    description: 'Nothing of this exists yet, or only as an idea.',
  },
  {
    value: 2,
    label: 'Starting',
    description: 'First steps in a few places, depending on individual people rather than on a plan.',
  },
  {
    value: 3,
    label: 'Developing',
    description: 'Under way in several parts of government, with a plan, but not yet consistent or complete.',
  },
  {
    value: 4,
    label: 'Established',
    description: 'Done consistently across government, with clear responsibilities and resources.',
  },
  {
    value: 5,
    label: 'Leading',
    description: 'Fully in place, measured and improved regularly; others could learn from it.',
  },
];

export interface DefaultDimension {
  key: string;
  name: string;
  description: string;
  statements: { text: string; guidance: string }[];
}

export const DEFAULT_DIMENSIONS: DefaultDimension[] = [
  {
    key: 'leadership',
    name: 'Leadership',
    description: 'Political and senior leadership that champions digital government and keeps it going.',
    statements: [
      {
        text: 'Senior political leaders speak publicly and regularly about digital government as a priority.',
        guidance: 'Think of speeches, budget statements, cabinet decisions in the last two years.',
      },
      {
        text: 'One named senior official is responsible for digital government across all ministries.',
        guidance: 'For example a chief digital or information officer with a mandate beyond one ministry.',
      },
      {
        text: 'Heads of ministries and agencies set digital goals for their own organisations and follow them up.',
        guidance: '',
      },
      {
        text: 'Leaders make decisions about digital projects using evidence such as user feedback and data.',
        guidance: '',
      },
      {
        text: 'Digital government has kept its support and funding through changes of government or minister.',
        guidance: 'Answer "Don\'t know" if there has been no change of government recently.',
      },
    ],
  },
  {
    key: 'strategy',
    name: 'Strategy',
    description: 'A shared direction for digital government, with priorities, resources and follow-up.',
    statements: [
      {
        text: 'There is a current, approved national strategy or plan for digital government.',
        guidance: 'Approved by cabinet or an equivalent body, and not past its end date.',
      },
      {
        text: 'The strategy was prepared with ministries, the private sector, civil society and citizens.',
        guidance: '',
      },
      {
        text: 'The strategy has priorities, timelines and a budget that is actually allocated.',
        guidance: '',
      },
      {
        text: 'Progress on the strategy is measured and reported publicly at least once a year.',
        guidance: '',
      },
      {
        text: 'Ministries\u2019 own plans and budgets are aligned with the national digital strategy.',
        guidance: '',
      },
    ],
  },
  {
    key: 'governance',
    name: 'Governance',
    description: 'How digital work is coordinated, decided, funded and overseen across government.',
    statements: [
      {
        text: 'A coordinating body brings ministries together to decide on digital government matters.',
        guidance: 'For example a steering committee or council that meets regularly and keeps records.',
      },
      {
        text: 'Large digital projects are reviewed before funding to avoid duplication across ministries.',
        guidance: '',
      },
      {
        text: 'Common standards (for example for data, interoperability and web accessibility) are set and followed.',
        guidance: '',
      },
      {
        text: 'Roles and responsibilities for digital services are clear between central and line ministries.',
        guidance: '',
      },
      {
        text: 'Digital projects are monitored, and problems are raised and dealt with early.',
        guidance: '',
      },
    ],
  },
  {
    key: 'legal-framework',
    name: 'Legal framework',
    description: 'Laws and regulations that allow, protect and give confidence in digital government.',
    statements: [
      {
        text: 'Electronic documents, signatures and transactions have the same legal value as paper ones.',
        guidance: '',
      },
      {
        text: 'A data protection law is in force and an independent authority oversees it.',
        guidance: '',
      },
      {
        text: 'A cybersecurity law or policy sets duties for government bodies and a way to report incidents.',
        guidance: '',
      },
      {
        text: 'Rules allow ministries to share data with each other securely, so people give it only once.',
        guidance: '',
      },
      {
        text: 'Laws on access to information and open data apply to data held by government.',
        guidance: '',
      },
    ],
  },
  {
    key: 'technology',
    name: 'Technology',
    description: 'The shared infrastructure, platforms and security that digital services run on.',
    statements: [
      {
        text: 'Government bodies are connected by reliable, secure networks with enough capacity.',
        guidance: '',
      },
      {
        text: 'Shared platforms (such as digital identity, payments or a government portal) are used by several ministries.',
        guidance: '',
      },
      {
        text: 'Systems of different ministries can exchange data with each other through agreed interfaces.',
        guidance: '',
      },
      {
        text: 'Government systems are backed up, monitored and protected against cyberattacks.',
        guidance: '',
      },
      {
        text: 'Public services can be used online from a mobile phone, including by people with disabilities.',
        guidance: '',
      },
    ],
  },
  {
    key: 'workforce-development',
    name: 'Workforce development',
    description: 'The skills, roles and learning public servants need to run digital government.',
    statements: [
      {
        text: 'The digital skills the public service needs have been identified, and the gaps are known.',
        guidance: '',
      },
      {
        text: 'Public servants at every level can take training in digital skills during working time.',
        guidance: '',
      },
      {
        text: 'Government can recruit and keep specialists such as developers, data analysts and security experts.',
        guidance: '',
      },
      {
        text: 'Managers are trained to lead digital projects and to design services around users.',
        guidance: '',
      },
      {
        text: 'Staff share what they learn across ministries, for example through communities of practice.',
        guidance: '',
      },
    ],
  },
];
