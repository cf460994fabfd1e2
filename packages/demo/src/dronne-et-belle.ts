import {
  type AgendaItem,
  type Attendance,
  Body,
  type Decision,
  Governance,
  Meeting,
  membersOn,
} from '@maille/domain/governance';
import { Roadmap } from '@maille/domain/roadmap';
import { type DemoContext, type DemoSlice, lastSemesters, ONBOARDING_DAYS } from './context.ts';
import { governanceKit } from './kit.ts';
import { DEMO_TERRITORIES as T } from './territories.ts';

/**
 * Dronne et Belle (CC, 24): roadmap validated in December 2022 by the conseil communautaire
 * within the CAF's territorial convention (CTG); the project group became the steering
 * committee, which meets several times a year; eight fiches-actions, four done; a mobile
 * support bus paid by four funders. People are fictional.
 */
export const DRONNE_ET_BELLE_IDS = {
  governance: 'gov_dronnebelle',
  roadmap: 'rdm_dronnebelle',
  coordinator: 'per_dbdufour',
  steeringCommittee: 'bod_dbcopil',
  bus: 'act_db0001',
  /** The fiche-projet that cannot be promoted yet: it has no dated milestone. */
  maturingProject: 'act_db0009',
} as const;

const GOV = DRONNE_ET_BELLE_IDS.governance;

const P = {
  dufour: 'per_dbdufour',
  delmas: 'per_dbdelmas',
  lacoste: 'per_dblacoste',
  besson: 'per_dbbesson',
  riviere: 'per_dbriviere',
  salles: 'per_dbsalles',
  bouchet: 'per_dbbouchet',
  mazeau: 'per_dbmazeau',
  vidal: 'per_dbvidal',
} as const;

const O = {
  cc: 'org_dbccdb',
  rubanVert: 'org_dbrubanvert',
  caf: 'org_dbcaf24',
  departement: 'org_dbdept24',
  region: 'org_dbregion',
  brantome: 'org_dbbrantome',
  mareuil: 'org_dbmareuil',
  champagnac: 'org_dbchampagnac',
  franceServices: 'org_dbfranceservices',
} as const;

const A = {
  bus: DRONNE_ET_BELLE_IDS.bus,
  permanences: 'act_db0002',
  aidantsConnect: 'act_db0003',
  annuaire: 'act_db0004',
  parents: 'act_db0005',
  secretaires: 'act_db0006',
  aines: 'act_db0007',
  pointsAcces: 'act_db0008',
  tiersLieu: DRONNE_ET_BELLE_IDS.maturingProject,
} as const;

const AXES = {
  allerVers: 'axe_dballervers',
  accompagner: 'axe_dbaccompagner',
  cooperer: 'axe_dbcooperer',
} as const;

const IND = {
  fiches: 'ind_dbfiches',
  reunions: 'ind_dbreunions',
  financements: 'ind_dbfinancements',
  personnes: 'ind_dbpersonnes',
} as const;

export function buildDronneEtBelle(ctx: DemoContext): DemoSlice {
  const { day, at, workday, workdayAt } = ctx;
  const year = Number(ctx.today.slice(0, 4));
  const kit = governanceKit(ctx, DRONNE_ET_BELLE_IDS, T.ccDronneEtBelle);
  const { organization: org, person, seat, action, moves, milestone, reached, funding } = kit;

  const organizations = [
    org(O.cc, {
      name: 'Communauté de communes Dronne et Belle',
      category: 'epci',
      pivot: '200041572',
      territory: T.ccDronneEtBelle,
    }),
    org(O.rubanVert, {
      name: 'Espace socio-culturel le Ruban Vert',
      category: 'centre_social',
      territory: T.ccDronneEtBelle,
      summary: 'Deux centres sociaux engagés de longue date dans l’inclusion numérique.',
      services: [
        'aide_aux_demarches_administratives',
        'maitrise_des_outils_numeriques_du_quotidien',
        'parentalite_et_education_avec_le_numerique',
      ],
      publics: ['familles_enfants', 'seniors'],
      supportModes: ['accompagnement_individuel', 'dans_un_atelier_collectif'],
      fees: ['gratuit'],
      nationalProgrammes: ['conseillers_numeriques'],
      source: 'cartographie-dronne-et-belle',
      sourceUpdatedAt: day(-80),
    }),
    org(O.caf, {
      name: 'Caisse d’allocations familiales de la Dordogne',
      category: 'caf',
      territory: T.dordogne,
    }),
    org(O.departement, {
      name: 'Conseil départemental de la Dordogne',
      category: 'departement',
      territory: T.dordogne,
    }),
    org(O.region, {
      name: 'Région Nouvelle-Aquitaine',
      category: 'region',
      territory: T.nouvelleAquitaine,
    }),
    org(O.brantome, {
      name: 'Commune de Brantôme en Périgord',
      category: 'commune',
      territory: T.brantome,
    }),
    org(O.mareuil, {
      name: 'Commune de Mareuil en Périgord',
      category: 'commune',
      territory: T.mareuil,
    }),
    org(O.champagnac, {
      name: 'Commune de Champagnac-de-Belair',
      category: 'commune',
      territory: T.champagnac,
    }),
    org(O.franceServices, {
      name: 'France Services de Brantôme en Périgord',
      category: 'france_services',
      territory: T.brantome,
      services: ['aide_aux_demarches_administratives'],
      supportModes: ['accompagnement_individuel'],
      fees: ['gratuit'],
      nationalProgrammes: ['france_services', 'aidants_connect'],
      openingHours: 'Mo-Fr 09:00-12:30,13:30-17:00',
      source: 'cartographie-dronne-et-belle',
      sourceUpdatedAt: day(-100),
    }),
  ];

  const persons = [
    person(P.dufour, 'Émilie Dufour', O.cc, ['coordinateur', 'technicien'], {
      // A number from the range ARCEP keeps for fiction.
      phone: '05 36 49 00 02',
    }),
    person(P.delmas, 'Patrick Delmas', O.cc, ['elu']),
    person(P.lacoste, 'Martine Lacoste', O.cc, ['elu']),
    person(P.besson, 'Olivier Besson', O.rubanVert, ['partenaire']),
    person(P.riviere, 'Thomas Rivière', O.rubanVert, ['conseiller_numerique']),
    person(P.salles, 'Camille Sallès', O.cc, ['conseiller_numerique'], {
      // Drives the bus on Saturdays' markets: accepts reminders at weekends.
      reminders: { weekends: true },
    }),
    person(P.bouchet, 'Nathalie Bouchet', O.caf, ['partenaire']),
    person(P.mazeau, 'Sylvie Mazeau', O.departement, ['partenaire']),
    person(P.vidal, 'Karine Vidal', O.franceServices, ['aidant_connect']),
  ];

  const since = at(ONBOARDING_DAYS);
  const governances = [
    ctx.entity(Governance, {
      id: GOV,
      name: 'Gouvernance de l’inclusion numérique de Dronne et Belle',
      territory: T.ccDronneEtBelle,
      perimeter: 'epci',
      formality: 'structuree',
      description:
        'Feuille de route validée en décembre 2022 par le conseil communautaire, dans le cadre ' +
        'de la convention territoriale globale avec la CAF. Le groupe projet est devenu le comité ' +
        'de pilotage de l’inclusion numérique.',
      roles: [
        { personId: P.dufour, role: 'coordinateur', since },
        ...[P.delmas, P.lacoste, P.besson, P.riviere, P.salles, P.bouchet, P.vidal].map(
          (personId) => ({ personId, role: 'membre' as const, since }),
        ),
        { personId: P.mazeau, role: 'observateur', since },
      ],
    }),
  ];

  const copil = ctx.entity(Body, {
    id: DRONNE_ET_BELLE_IDS.steeringCommittee,
    governanceId: GOV,
    name: 'Comité de pilotage de l’inclusion numérique',
    kind: 'comite_pilotage',
    kindHistory: [{ kind: 'groupe_projet', until: '2023-01-31' }],
    frequency: 'trimestrielle',
    description:
      'Le groupe projet qui a construit la feuille de route est devenu le comité de pilotage. ' +
      'Il se réunit plusieurs fois par an pour acter les étapes et valider les actions à venir.',
    members: [
      seat(P.delmas, O.cc, 'president', '2021-09-15'),
      seat(P.lacoste, O.cc, 'vice_president', '2021-09-15'),
      seat(P.dufour, O.cc, 'referent_technique', '2021-09-15'),
      seat(P.besson, O.rubanVert, 'membre', '2021-09-15'),
      // Sat in the project group, not in the steering committee that followed it.
      seat(P.vidal, O.franceServices, 'membre', '2021-09-15', '2023-01-31'),
      seat(P.mazeau, O.departement, 'membre', '2023-02-01'),
      seat(P.bouchet, O.caf, 'membre', '2023-02-01'),
      seat(P.salles, O.cc, 'membre', '2023-02-01'),
    ],
  });
  const bodies = [copil];

  const place = 'Siège de la communauté de communes, Brantôme en Périgord';
  // A held meeting: everyone seated that day attended unless listed in `away`.
  const held = (
    id: string,
    offset: number,
    title: string,
    agenda: AgendaItem[],
    decisions: Decision[],
    minutes: string,
    away: Record<string, Attendance> = {},
  ) =>
    ctx.entity(
      Meeting,
      {
        id,
        governanceId: GOV,
        bodyId: copil.id,
        title,
        startsAt: workdayAt(offset, '14:30'),
        place,
        status: 'tenue',
        agenda,
        decisions,
        minutes,
        attendance: membersOn(copil, day(offset)).map(({ personId }) => ({
          personId,
          status: away[personId] ?? 'present',
        })),
      },
      // Meetings held before Maille came in were imported with it.
      offset - 30 > ONBOARDING_DAYS ? { created: offset - 30, updated: offset + 1 } : {},
    );

  const meetings = [
    held(
      'mtg_dbcopil01',
      -280,
      'Comité de pilotage — bilan de la première année du bus',
      [
        {
          title: 'Bilan de la première année du bus numérique',
          presenterId: P.delmas,
          actionId: A.bus,
        },
        { title: 'Permanences au Ruban Vert', presenterId: P.besson, actionId: A.permanences },
      ],
      [
        {
          id: 'dec_dbcopil01a',
          text: 'Lancer l’habilitation Aidants Connect des agents France Services.',
          actionId: A.aidantsConnect,
        },
      ],
      'Le bus a tourné dans toutes les communes. Les permanences du Ruban Vert sont pleines.',
      { [P.bouchet]: 'excuse' },
    ),
    held(
      'mtg_dbcopil02',
      -190,
      'Comité de pilotage — annuaire et points d’accès',
      [
        {
          title: 'Annuaire des lieux d’accompagnement',
          presenterId: P.lacoste,
          actionId: A.annuaire,
        },
        {
          title: 'Points d’accès numérique dans les bourgs',
          presenterId: P.delmas,
          actionId: A.pointsAcces,
        },
      ],
      [
        {
          id: 'dec_dbcopil02a',
          text: 'Déposer une demande de financement au Département pour les points d’accès.',
          actionId: A.pointsAcces,
        },
      ],
      'Les maires demandent un point d’accès par bourg-centre ; le financement reste à trouver.',
    ),
    held(
      'mtg_dbcopil03',
      -100,
      'Comité de pilotage — familles et secrétaires de mairie',
      [
        {
          title: 'Ateliers parents-enfants avec la CAF',
          presenterId: P.lacoste,
          actionId: A.parents,
        },
        {
          title: 'Formation des secrétaires de mairie',
          presenterId: P.dufour,
          actionId: A.secretaires,
        },
      ],
      [
        {
          id: 'dec_dbcopil03a',
          text: 'Inscrire les ateliers parents-enfants au plan d’action de la convention territoriale globale.',
          actionId: A.parents,
        },
        {
          id: 'dec_dbcopil03b',
          text: 'Ouvrir la formation à toutes les secrétaires de mairie volontaires.',
          actionId: A.secretaires,
        },
      ],
      'La CAF finance les ateliers parents-enfants. Seize mairies sont invitées à la formation.',
      { [P.mazeau]: 'represente' },
    ),
    held(
      'mtg_dbcopil04',
      -15,
      'Comité de pilotage — point d’étape de l’automne',
      [
        {
          title: 'Quatre fiches-actions réalisées sur huit',
          presenterId: P.dufour,
          durationMinutes: 20,
        },
        {
          title: 'Ateliers « premiers pas » pour les aînés',
          presenterId: P.lacoste,
          actionId: A.aines,
        },
      ],
      [
        {
          id: 'dec_dbcopil04a',
          text: 'Étudier un tiers-lieu numérique à Mareuil en Périgord avec le Ruban Vert.',
          actionId: A.tiersLieu,
        },
      ],
      'Le premier cycle parents-enfants prend du retard. Les ateliers pour les aînés démarrent bientôt.',
      { [P.mazeau]: 'excuse', [P.salles]: 'absent' },
    ),
    ctx.entity(
      Meeting,
      {
        id: 'mtg_dbcopil05',
        governanceId: GOV,
        bodyId: copil.id,
        title: 'Comité de pilotage — bilan annuel de la feuille de route',
        startsAt: workdayAt(75, '14:30'),
        place,
        agenda: [
          { title: 'Bilan annuel de la feuille de route', presenterId: P.delmas },
          { title: 'Priorités de l’année à venir', presenterId: P.lacoste },
        ],
      },
      { created: -10 },
    ),
  ];

  const roadmaps = [
    ctx.entity(Roadmap, {
      id: DRONNE_ET_BELLE_IDS.roadmap,
      governanceId: GOV,
      title: 'Feuille de route de l’inclusion numérique de Dronne et Belle',
      fromYear: 2023,
      toYear: 2027,
      status: 'adoptee',
      public: true,
      contract: 'ctg',
      contractLabel: 'Convention territoriale globale avec la CAF de la Dordogne',
      adoption: { date: '2022-12-15', assembly: 'Conseil communautaire' },
      diagnosis: {
        deliveredOn: '2022-06-30',
        summary:
          'Un territoire rural où la fracture numérique s’ajoute à celle de la mobilité, et un ' +
          'acteur fort, le Ruban Vert, engagé depuis des années.',
        findings: [
          'Des habitants éloignés des lieux d’accompagnement : il faut aller vers eux.',
          'Des secrétaires de mairie en première ligne, sans repères pour orienter les usagers.',
          'Des familles à accompagner dans les usages numériques des enfants.',
        ],
      },
      method: [
        {
          id: 'stp_db0001',
          kind: 'groupe_projet',
          status: 'faite',
          date: '2021-09-15',
          participants: 8,
        },
        { id: 'stp_db0002', kind: 'definition_partagee', status: 'faite', date: '2021-11-18' },
        {
          id: 'stp_db0003',
          kind: 'atelier_enjeux',
          status: 'faite',
          date: '2022-03-17',
          participants: 60,
        },
        {
          id: 'stp_db0004',
          kind: 'atelier_projets',
          status: 'faite',
          date: '2022-05-19',
          participants: 50,
        },
        { id: 'stp_db0005', kind: 'cartographie_ressources', status: 'faite', date: '2022-05-19' },
        {
          id: 'stp_db0006',
          kind: 'formalisation',
          label: 'Validation en conseil communautaire, dans la CTG',
          status: 'faite',
          date: '2022-12-15',
        },
      ],
      axes: [
        {
          id: AXES.allerVers,
          code: 'AX1',
          position: 0,
          title: 'Aller vers les habitants éloignés du numérique',
        },
        {
          id: AXES.accompagner,
          code: 'AX2',
          position: 1,
          title: 'Accompagner les démarches et les usages du quotidien',
        },
        {
          id: AXES.cooperer,
          code: 'AX3',
          position: 2,
          title: 'Coopérer et former les acteurs du territoire',
        },
      ],
    }),
  ];

  const actions = [
    action(A.bus, {
      axisId: AXES.allerVers,
      kind: 'fiche_action',
      status: 'realisee',
      code: 'FA1',
      title: 'Bus numérique itinérant dans les bourgs',
      description:
        'Un bus aménagé et un conseiller numérique vont à la rencontre des habitants, une commune ' +
        'par demi-journée.',
      ownerId: P.salles,
      leadOrganizationIds: [O.cc],
      partnerOrganizationIds: [
        O.rubanVert,
        O.region,
        O.departement,
        O.brantome,
        O.mareuil,
        O.champagnac,
      ],
      priority: 'haute',
      startDate: day(-600),
      endDate: day(-380),
      budgetCents: 12_500_000,
      needs: ['monter_des_dossiers_de_subvention'],
      indicatorIds: [IND.personnes],
    }),
    action(
      A.permanences,
      {
        axisId: AXES.accompagner,
        kind: 'fiche_action',
        status: 'realisee',
        code: 'FA2',
        title: 'Permanences d’aide aux démarches en ligne au Ruban Vert',
        ownerId: P.riviere,
        leadOrganizationIds: [O.rubanVert],
        partnerOrganizationIds: [O.caf],
        startDate: day(-500),
        endDate: day(-140),
        indicatorIds: [IND.personnes],
        statusHistory: moves(P.riviere, [['en_cours', 'realisee', -140]]),
      },
      { updated: -140 },
    ),
    action(
      A.aidantsConnect,
      {
        axisId: AXES.accompagner,
        kind: 'fiche_action',
        status: 'realisee',
        code: 'FA3',
        title: 'Habiliter les agents France Services à Aidants Connect',
        ownerId: P.vidal,
        leadOrganizationIds: [O.franceServices],
        startDate: day(-300),
        endDate: day(-110),
        statusHistory: moves(P.vidal, [['en_cours', 'realisee', -110]]),
      },
      { updated: -110 },
    ),
    action(
      A.annuaire,
      {
        axisId: AXES.cooperer,
        kind: 'fiche_action',
        status: 'realisee',
        code: 'FA4',
        title: 'Annuaire des lieux d’accompagnement numérique du territoire',
        ownerId: P.dufour,
        leadOrganizationIds: [O.cc],
        partnerOrganizationIds: [O.rubanVert, O.franceServices],
        startDate: day(-260),
        endDate: day(-60),
        needs: ['collecter_des_donnees_territoriales'],
        statusHistory: moves(P.dufour, [['en_cours', 'realisee', -60]]),
      },
      { updated: -60 },
    ),
    action(A.parents, {
      axisId: AXES.accompagner,
      kind: 'fiche_action',
      status: 'en_cours',
      code: 'FA5',
      title: 'Ateliers numériques parents-enfants',
      ownerId: P.riviere,
      leadOrganizationIds: [O.rubanVert],
      partnerOrganizationIds: [O.caf, O.champagnac],
      startDate: day(-90),
      endDate: day(200),
      budgetCents: 1_500_000,
      indicatorIds: [IND.personnes],
    }),
    action(A.secretaires, {
      axisId: AXES.cooperer,
      kind: 'fiche_action',
      status: 'en_cours',
      code: 'FA6',
      title: 'Former les secrétaires de mairie à l’orientation des usagers',
      ownerId: P.dufour,
      leadOrganizationIds: [O.cc],
      partnerOrganizationIds: [O.franceServices, O.departement],
      startDate: day(-45),
      endDate: day(120),
      needs: ['former_les_professionnels'],
    }),
    action(
      A.aines,
      {
        axisId: AXES.allerVers,
        kind: 'fiche_action',
        status: 'prete',
        code: 'FA7',
        title: 'Ateliers « premiers pas » dans les clubs des aînés',
        ownerId: P.salles,
        leadOrganizationIds: [O.cc],
        partnerOrganizationIds: [O.rubanVert, O.brantome],
        startDate: day(20),
        endDate: day(250),
        promotedAt: at(-40, '11:00'),
        statusHistory: moves(P.dufour, [['a_murir', 'prete', -40]]),
      },
      { created: -120, updated: -40 },
    ),
    action(
      A.pointsAcces,
      {
        axisId: AXES.allerVers,
        kind: 'fiche_action',
        status: 'suspendue',
        code: 'FA8',
        title: 'Points d’accès numérique en libre-service dans les bourgs-centres',
        ownerId: P.dufour,
        leadOrganizationIds: [O.cc],
        partnerOrganizationIds: [O.brantome, O.mareuil, O.champagnac, O.departement],
        startDate: day(-200),
        endDate: day(300),
        budgetCents: 1_600_000,
        statusHistory: [
          {
            from: 'en_cours',
            to: 'suspendue',
            byId: P.dufour,
            at: at(-40, '11:00'),
            reason: 'En attente de la décision du Département sur le financement.',
          },
        ],
      },
      { updated: -40 },
    ),
    action(A.tiersLieu, {
      axisId: AXES.cooperer,
      kind: 'fiche_projet',
      status: 'a_murir',
      code: 'FP1',
      title: 'Tiers-lieu numérique à Mareuil en Périgord',
      description:
        'Idée retenue au dernier comité de pilotage : lieu, calendrier et budget restent à définir.',
      ownerId: P.besson,
      leadOrganizationIds: [O.rubanVert],
      partnerOrganizationIds: [O.mareuil, O.region],
      priority: 'basse',
      needs: ['monter_des_dossiers_de_subvention'],
    }),
  ];

  const milestones = [
    milestone('mil_db0001', {
      title: 'Bilan annuel de la feuille de route en comité de pilotage',
      dueDate: workday(75),
      ownerId: P.dufour,
    }),
    milestone('mil_db0101', {
      actionId: A.bus,
      title: 'Subvention régionale notifiée pour l’achat du bus',
      ownerId: P.dufour,
      ...reached(-540),
    }),
    milestone('mil_db0102', {
      actionId: A.bus,
      title: 'Second conseiller numérique recruté',
      ownerId: P.dufour,
      ...reached(-470, -465),
    }),
    milestone('mil_db0103', {
      actionId: A.bus,
      title: 'Première tournée du bus dans les bourgs',
      ownerId: P.salles,
      ...reached(-385, -380),
      evidence: 'Tournée inaugurale : huit communes en deux semaines.',
    }),
    milestone('mil_db0201', {
      actionId: A.permanences,
      title: 'Permanences hebdomadaires ouvertes dans les deux centres sociaux',
      ownerId: P.riviere,
      ...reached(-145, -140),
    }),
    milestone('mil_db0301', {
      actionId: A.aidantsConnect,
      title: 'Agents France Services habilités Aidants Connect',
      ownerId: P.vidal,
      ...reached(-110),
    }),
    milestone('mil_db0401', {
      actionId: A.annuaire,
      title: 'Annuaire distribué dans toutes les mairies',
      ownerId: P.dufour,
      ...reached(-62, -60),
    }),
    milestone('mil_db0501', {
      actionId: A.parents,
      title: 'Premier cycle d’ateliers parents-enfants à Champagnac-de-Belair',
      dueDate: workday(-12),
      ownerId: P.riviere,
    }),
    milestone('mil_db0502', {
      actionId: A.parents,
      title: 'Bilan du premier cycle avec la CAF',
      dueDate: workday(50),
      ownerId: P.riviere,
    }),
    milestone('mil_db0601', {
      actionId: A.secretaires,
      title: 'Première session de formation des secrétaires de mairie',
      dueDate: workday(4),
      ownerId: P.dufour,
    }),
    milestone('mil_db0602', {
      actionId: A.secretaires,
      title: 'Seconde session et bilan de la formation',
      dueDate: workday(70),
      ownerId: P.dufour,
    }),
    milestone('mil_db0701', {
      actionId: A.aines,
      title: 'Premier atelier au club des aînés de Brantôme',
      dueDate: workday(20),
      ownerId: P.salles,
    }),
    milestone('mil_db0801', {
      actionId: A.pointsAcces,
      title: 'Décision du Département sur le financement des points d’accès',
      dueDate: workday(45),
      ownerId: P.dufour,
    }),
  ];

  const fundingLines = [
    // The bus: four funders, each with its own calendar.
    funding('fun_db0101', {
      actionId: A.bus,
      funderKind: 'etat',
      programme: 'Conseiller numérique — France Relance',
      amountCents: 5_000_000,
      status: 'verse',
      decidedOn: day(-500),
      payments: [
        { on: day(-470), amountCents: 2_500_000, note: 'Première moitié' },
        { on: day(-100), amountCents: 2_500_000, note: 'Solde' },
      ],
      note: 'Poste du second conseiller numérique, qui anime le bus.',
    }),
    funding('fun_db0102', {
      actionId: A.bus,
      funderKind: 'fondation',
      programme: 'Fonds privés — mécénat',
      amountCents: 1_500_000,
      status: 'accorde',
      grantedCents: 1_200_000,
      decidedOn: day(-520),
      payments: [{ on: day(-490), amountCents: 600_000, note: 'Avance de 50 %' }],
      agreementEndsOn: day(200),
      reportDueOn: day(40),
    }),
    funding('fun_db0103', {
      actionId: A.bus,
      funderKind: 'region',
      funderOrganizationId: O.region,
      programme: 'Subvention d’investissement — achat du bus',
      amountCents: 4_000_000,
      status: 'verse',
      decidedOn: day(-540),
      payments: [{ on: day(-510), amountCents: 4_000_000 }],
    }),
    funding('fun_db0104', {
      actionId: A.bus,
      funderKind: 'budget_participatif',
      funderOrganizationId: O.departement,
      programme: 'Budget participatif de la Dordogne',
      amountCents: 2_000_000,
      status: 'verse',
      decidedOn: day(-480),
      payments: [{ on: day(-450), amountCents: 2_000_000 }],
    }),
    funding('fun_db0501', {
      actionId: A.parents,
      funderKind: 'caf',
      funderOrganizationId: O.caf,
      programme: 'Convention territoriale globale',
      amountCents: 1_200_000,
      status: 'accorde',
      applicationDeadline: day(-130),
      decidedOn: day(-95),
      payments: [{ on: day(-60), amountCents: 600_000, note: 'Acompte' }],
      agreementEndsOn: day(270),
      reportDueOn: day(12),
    }),
    funding('fun_db0801', {
      actionId: A.pointsAcces,
      funderKind: 'departement',
      funderOrganizationId: O.departement,
      amountCents: 800_000,
      status: 'en_instruction',
      applicationDeadline: day(-30),
    }),
    funding('fun_db0901', {
      actionId: A.tiersLieu,
      funderKind: 'region',
      funderOrganizationId: O.region,
      programme: 'Appel à projets tiers-lieux',
      amountCents: 3_000_000,
      status: 'envisage',
      applicationDeadline: day(24),
    }),
  ];

  const { update } = kit;
  const updates = [
    update('upd_db0001', P.riviere, 'web', at(-140, '17:20'), {
      subject: { type: 'action', id: A.permanences },
      text: 'Les permanences sont ouvertes chaque semaine dans nos deux centres sociaux.',
      progress: 100,
      actionStatus: 'realisee',
    }),
    update('upd_db0002', P.vidal, 'api', at(-110, '12:05'), {
      subject: { type: 'milestone', id: 'mil_db0301' },
      text: 'Les agents de France Services sont habilités Aidants Connect.',
      milestoneStatus: 'atteint',
    }),
    update('upd_db0003', P.dufour, 'api', at(-60, '15:20'), {
      subject: { type: 'action', id: A.annuaire },
      text: 'L’annuaire des lieux d’accompagnement est imprimé et distribué dans toutes les mairies.',
      progress: 100,
      actionStatus: 'realisee',
    }),
    update('upd_db0004', P.dufour, 'cli', at(-40, '11:00'), {
      subject: { type: 'action', id: A.pointsAcces },
      kind: 'blocage',
      text: 'Action suspendue en attendant la décision du Département sur le financement.',
      actionStatus: 'suspendue',
    }),
    update('upd_db0005', P.dufour, 'web', at(-6, '14:10'), {
      subject: { type: 'milestone', id: 'mil_db0501' },
      kind: 'blocage',
      text: 'L’animatrice de la CAF est absente jusqu’à la mi-mois : le premier cycle est décalé.',
    }),
    update('upd_db0006', P.dufour, 'api', at(-3, '11:30'), {
      subject: { type: 'action', id: A.secretaires },
      text: 'Inscriptions closes : neuf secrétaires de mairie viendront à la première session.',
      progress: 60,
    }),
    update('upd_db0007', P.salles, 'api', at(-2, '08:45'), {
      subject: { type: 'governance', id: GOV },
      kind: 'information',
      text: 'Le bus sera à Mareuil en Périgord mardi et à Champagnac-de-Belair jeudi.',
    }),
  ];

  const { indicator, measurement } = kit;
  const indicators = [
    indicator(IND.fiches, {
      code: 'fiches_realisees',
      label: 'Taux de réalisation des fiches-actions',
      unit: 'pourcentage',
      method: { type: 'calcul', rule: 'fiches_realisees' },
      timeAggregation: 'dernier',
      territoryRollup: 'aucun',
      periodicity: 'annuelle',
      targets: [{ period: String(year), value: 75 }],
    }),
    indicator(IND.reunions, {
      code: 'reunions_gouvernance',
      label: 'Réunions des instances de gouvernance',
      unit: 'nombre',
      method: { type: 'calcul', rule: 'reunions_gouvernance' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
      targets: [{ period: String(year), value: 4 }],
    }),
    indicator(IND.financements, {
      code: 'financements_mobilises',
      label: 'Financements mobilisés (€)',
      unit: 'euros',
      method: { type: 'calcul', rule: 'financements_mobilises' },
      timeAggregation: 'dernier',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    }),
    indicator(IND.personnes, {
      code: 'personnes_accompagnees',
      label: 'Personnes accompagnées',
      description: 'Personnes reçues dans le bus, aux permanences et en ateliers.',
      unit: 'personnes',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'semestrielle',
    }),
  ];

  const [s1, s2, s3] = lastSemesters(ctx.today, 3) as [string, string, string];
  const measurements = [
    measurement('mes_dbs1personnes', IND.personnes, s1, 410, 15),
    measurement('mes_dbs2personnes', IND.personnes, s2, 472, 12, {
      comment: 'Sans les ateliers du bus.',
    }),
    measurement('mes_dbs2personnesr2', IND.personnes, s2, 486, 30, {
      revision: 2,
      comment: 'Correction : ajout des personnes reçues dans le bus.',
    }),
    measurement('mes_dbs3personnes', IND.personnes, s3, 530, 20, { status: 'provisoire' }),
  ];

  return {
    organizations,
    persons,
    governances,
    bodies,
    meetings,
    roadmaps,
    actions,
    milestones,
    fundingLines,
    updates,
    indicators,
    measurements,
  };
}
