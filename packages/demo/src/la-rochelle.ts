import { Body, Governance, Meeting } from '@maille/domain/governance';
import { Roadmap } from '@maille/domain/roadmap';
import { type DemoContext, type DemoSlice, lastQuarters, ONBOARDING_DAYS } from './context.ts';
import { governanceKit } from './kit.ts';
import { DEMO_TERRITORIES as T } from './territories.ts';

/**
 * La Rochelle (CDA, 17): one of the seven CTIN pilots. Coordination since February 2021,
 * diagnosis in May 2021, roadmap adopted in May 2023 by the conseil communautaire after work
 * with 200 participants; eight advisers funded 400 000 € over two years by the State; an
 * informal community of actors that talks on Discord. People are fictional.
 */
export const LA_ROCHELLE_IDS = {
  governance: 'gov_larochelle',
  roadmap: 'rdm_larochelle',
  coordinator: 'per_lrmoreau',
  community: 'bod_lrcommunaute',
  steeringCommittee: 'bod_lrcopil',
  stateFunding: 'fun_lr0001',
} as const;

const GOV = LA_ROCHELLE_IDS.governance;
const RDM = LA_ROCHELLE_IDS.roadmap;

// Persons, by the short name the rest of the file uses.
const P = {
  moreau: 'per_lrmoreau',
  giraud: 'per_lrgiraud',
  gautier: 'per_lrgautier',
  marchand: 'per_lrmarchand',
  belkacem: 'per_lrbelkacem',
  fontaine: 'per_lrfontaine',
  lambert: 'per_lrlambert',
  chevalier: 'per_lrchevalier',
  benard: 'per_lrbenard',
  perrin: 'per_lrperrin',
  roux: 'per_lrroux',
  lefevre: 'per_lrlefevre',
  diallo: 'per_lrdiallo',
} as const;

const O = {
  cda: 'org_lrcdalr',
  ville: 'org_lrville',
  aytre: 'org_lraytre',
  lagord: 'org_lrlagord',
  perigny: 'org_lrperigny',
  departement: 'org_lrdept17',
  caf: 'org_lrcaf17',
  cpam: 'org_lrcpam17',
  poste: 'org_lrposte',
  mireuil: 'org_lrcsmireuil',
  villeneuve: 'org_lrcsvilleneuve',
  mediatheque: 'org_lrmediatheque',
  ccas: 'org_lrccas',
  solidaire: 'org_lrassonum',
  domicile: 'org_lrdomicile',
  hub: 'org_lrhubikoop',
} as const;

const A = {
  conseillers: 'act_lr0001',
  permanences: 'act_lr0002',
  domicile: 'act_lr0003',
  reconditionnement: 'act_lr0004',
  connexion: 'act_lr0005',
  formation: 'act_lr0006',
  aidantsConnect: 'act_lr0007',
  cartographie: 'act_lr0008',
  communaute: 'act_lr0009',
} as const;

const AXES = {
  mailler: 'axe_lrmailler',
  equiper: 'axe_lrequiper',
  former: 'axe_lrformer',
  animer: 'axe_lranimer',
} as const;

const IND = {
  acteurs: 'ind_lracteurs',
  actions: 'ind_lractions',
  mediateurs: 'ind_lrmediateurs',
  aidants: 'ind_lraidants',
  participants: 'ind_lrparticipants',
} as const;

export function buildLaRochelle(ctx: DemoContext): DemoSlice {
  const { day, at, workday, workdayAt } = ctx;
  const year = Number(ctx.today.slice(0, 4));
  const kit = governanceKit(ctx, LA_ROCHELLE_IDS, T.cdaLaRochelle);
  const {
    organization: org,
    person,
    discord,
    seat,
    present,
    action,
    moves,
    milestone,
    reached,
  } = kit;
  // What the actor map says of every mediation place of the demo.
  const mediationPlace = {
    fees: ['gratuit' as const],
    source: 'cartographie-cda-la-rochelle',
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30',
  };

  const organizations = [
    org(O.cda, {
      name: 'Communauté d’agglomération de La Rochelle',
      category: 'epci',
      pivot: '241700434',
      territory: T.cdaLaRochelle,
      website: 'https://www.agglo-larochelle.fr',
      summary: 'Porte la coordination territoriale pour l’inclusion numérique depuis février 2021.',
    }),
    org(O.ville, { name: 'Ville de La Rochelle', category: 'commune', territory: T.laRochelle }),
    org(O.aytre, { name: 'Commune d’Aytré', category: 'commune', territory: T.aytre }),
    org(O.lagord, { name: 'Commune de Lagord', category: 'commune', territory: T.lagord }),
    org(O.perigny, { name: 'Commune de Périgny', category: 'commune', territory: T.perigny }),
    org(O.departement, {
      name: 'Département de la Charente-Maritime',
      category: 'departement',
      territory: T.charenteMaritime,
    }),
    org(O.caf, {
      name: 'Caisse d’allocations familiales de la Charente-Maritime',
      category: 'caf',
      territory: T.charenteMaritime,
    }),
    org(O.cpam, {
      name: 'Caisse primaire d’assurance maladie de la Charente-Maritime',
      category: 'cpam',
      territory: T.charenteMaritime,
    }),
    org(O.poste, {
      name: 'La Poste — bureau de La Rochelle',
      category: 'la_poste',
      pivot: '356000000',
      territory: T.laRochelle,
      services: ['aide_aux_demarches_administratives'],
      supportModes: ['accompagnement_individuel'],
      ...mediationPlace,
      sourceUpdatedAt: day(-200),
    }),
    org(O.mireuil, {
      name: 'Centre social de Mireuil',
      category: 'centre_social',
      territory: T.laRochelle,
      services: [
        'aide_aux_demarches_administratives',
        'maitrise_des_outils_numeriques_du_quotidien',
        'parentalite_et_education_avec_le_numerique',
      ],
      publics: ['familles_enfants', 'jeunes'],
      supportModes: ['accompagnement_individuel', 'dans_un_atelier_collectif'],
      nationalProgrammes: ['conseillers_numeriques'],
      ...mediationPlace,
      sourceUpdatedAt: day(-60),
    }),
    org(O.villeneuve, {
      name: 'Centre social de Villeneuve-les-Salines',
      category: 'centre_social',
      territory: T.laRochelle,
      services: [
        'aide_aux_demarches_administratives',
        'insertion_professionnelle_via_le_numerique',
      ],
      supportModes: ['accompagnement_individuel'],
      nationalProgrammes: ['conseillers_numeriques'],
      ...mediationPlace,
      // Not confirmed for over a year: the actor map flags it "à vérifier".
      sourceUpdatedAt: day(-420),
    }),
    org(O.mediatheque, {
      name: 'Médiathèque Michel-Crépeau',
      category: 'mediatheque',
      territory: T.laRochelle,
      services: [
        'maitrise_des_outils_numeriques_du_quotidien',
        'comprehension_du_monde_numerique',
        'loisirs_et_creations_numeriques',
        'acces_internet_et_materiel_informatique',
      ],
      publics: ['seniors', 'etudiants'],
      supportModes: ['en_autonomie', 'dans_un_atelier_collectif'],
      nationalProgrammes: ['conseillers_numeriques'],
      ...mediationPlace,
      openingHours: 'Tu-Sa 10:00-18:00',
      // Over eighteen months: "à actualiser".
      sourceUpdatedAt: day(-600),
    }),
    org(O.ccas, {
      name: 'Centre communal d’action sociale de La Rochelle',
      category: 'ccas',
      territory: T.laRochelle,
      services: ['aide_aux_demarches_administratives'],
      supportModes: ['accompagnement_individuel'],
      nationalProgrammes: ['aidants_connect'],
      ...mediationPlace,
      sourceUpdatedAt: day(-30),
    }),
    org(O.solidaire, {
      name: 'Rochelle Numérique Solidaire',
      category: 'association',
      territory: T.laRochelle,
      summary: 'Association fictive de la démonstration : matériel reconditionné et ateliers.',
      services: [
        'acquisition_de_materiel_informatique_a_prix_solidaire',
        'acces_internet_et_materiel_informatique',
      ],
      supportModes: ['dans_un_atelier_collectif'],
      fees: ['gratuit_sous_condition'],
      source: 'cartographie-cda-la-rochelle',
      sourceUpdatedAt: day(-90),
    }),
    org(O.domicile, {
      name: 'Les Connecteurs à domicile',
      category: 'association',
      territory: T.cdaLaRochelle,
      summary: 'Association fictive de la démonstration : médiateurs numériques à domicile.',
      services: [
        'aide_aux_demarches_administratives',
        'maitrise_des_outils_numeriques_du_quotidien',
      ],
      publics: ['seniors'],
      supportModes: ['accompagnement_individuel'],
      fees: ['gratuit'],
      source: 'cartographie-cda-la-rochelle',
      sourceUpdatedAt: day(-45),
    }),
    org(O.hub, {
      name: 'Hubikoop',
      category: 'hub',
      territory: T.nouvelleAquitaine,
      summary: 'Hub territorial pour un numérique inclusif en Nouvelle-Aquitaine.',
    }),
  ];

  const persons = [
    person(P.moreau, 'Claire Moreau', O.cda, ['coordinateur', 'technicien'], {
      // A number from the range ARCEP keeps for fiction.
      phone: '05 36 49 00 01',
      ...discord('412398765432101234'),
    }),
    person(P.giraud, 'Bernard Giraud', O.cda, ['elu']),
    person(P.gautier, 'Élodie Gautier', O.aytre, ['elu']),
    person(P.marchand, 'Hugo Marchand', O.cda, ['conseiller_numerique'], {
      ...discord('587120934856712345'),
      reminders: { channel: 'mention_salon' },
    }),
    person(P.belkacem, 'Yanis Belkacem', O.mireuil, ['conseiller_numerique'], {
      ...discord('698234517890123456'),
    }),
    person(P.fontaine, 'Léa Fontaine', O.mediatheque, ['conseiller_numerique'], {
      // On leave: no reminder before she is back.
      reminders: { pausedUntil: day(10) },
    }),
    person(P.lambert, 'Sophie Lambert', O.ccas, ['aidant_connect', 'aidant_numerique']),
    person(P.chevalier, 'Nadia Chevalier', O.domicile, ['mediateur_numerique'], {
      ...discord('734561298034567812'),
    }),
    person(P.benard, 'Paul Bénard', O.solidaire, ['benevole', 'aidant_numerique']),
    person(P.perrin, 'Julien Perrin', O.caf, ['partenaire']),
    person(P.roux, 'Isabelle Roux', O.cpam, ['partenaire']),
    person(P.lefevre, 'Marc Lefèvre', O.departement, ['partenaire', 'technicien']),
    person(P.diallo, 'Aminata Diallo', O.poste, ['partenaire']),
  ];

  const since = at(ONBOARDING_DAYS);
  const governances = [
    ctx.entity(Governance, {
      id: GOV,
      name: 'Coordination territoriale pour l’inclusion numérique de l’agglomération de La Rochelle',
      territory: T.cdaLaRochelle,
      perimeter: 'epci',
      formality: 'informelle',
      description:
        'Coordination engagée avec l’État en février 2021, lors du déploiement des conseillers ' +
        'numériques. La communauté des acteurs existe et répond présente, mais reste informelle : ' +
        'il lui manque une animation concrète et régulière.',
      roles: [
        { personId: P.moreau, role: 'coordinateur', since },
        ...[
          P.giraud,
          P.gautier,
          P.marchand,
          P.belkacem,
          P.fontaine,
          P.lambert,
          P.chevalier,
          P.benard,
          P.perrin,
          P.roux,
          P.diallo,
        ].map((personId) => ({ personId, role: 'membre' as const, since })),
        { personId: P.lefevre, role: 'observateur', since },
      ],
      chat: {
        platform: 'discord',
        guildId: '903456781234567890',
        channelId: '917263548190273645',
        boundAt: at(-140, '10:00'),
      },
    }),
  ];

  const bodies = [
    ctx.entity(Body, {
      id: LA_ROCHELLE_IDS.community,
      governanceId: GOV,
      name: 'Communauté des acteurs de l’inclusion numérique',
      kind: 'communaute',
      frequency: 'trimestrielle',
      description:
        'Communes, associations, centres sociaux, CPAM, CAF, La Poste, Département et médiateurs ' +
        'à domicile : tous ceux qui ont construit la feuille de route.',
      members: [
        seat(P.moreau, O.cda, 'referent_technique', '2021-02-15'),
        seat(P.marchand, O.cda, 'membre', '2021-09-01'),
        seat(P.belkacem, O.mireuil, 'membre', '2021-09-01'),
        seat(P.fontaine, O.mediatheque, 'membre', '2021-10-01'),
        seat(P.lambert, O.ccas, 'membre', '2022-03-01'),
        seat(P.chevalier, O.domicile, 'membre', '2022-06-01'),
        seat(P.benard, O.solidaire, 'membre', '2022-06-01'),
        seat(P.gautier, O.aytre, 'membre', '2022-06-01'),
        seat(P.perrin, O.caf, 'membre', '2022-06-01'),
        seat(P.roux, O.cpam, 'membre', '2022-06-01'),
        seat(P.diallo, O.poste, 'membre', '2022-06-01'),
        seat(P.lefevre, O.departement, 'membre', '2022-06-01'),
      ],
    }),
    ctx.entity(Body, {
      id: LA_ROCHELLE_IDS.steeringCommittee,
      governanceId: GOV,
      name: 'Comité de pilotage de la feuille de route',
      kind: 'comite_pilotage',
      frequency: 'semestrielle',
      members: [
        seat(P.giraud, O.cda, 'president', '2023-06-01'),
        seat(P.gautier, O.aytre, 'vice_president', '2023-06-01'),
        seat(P.moreau, O.cda, 'secretaire', '2023-06-01'),
        seat(P.perrin, O.caf, 'membre', '2023-06-01'),
        seat(P.roux, O.cpam, 'membre', '2023-06-01'),
        seat(P.lefevre, O.departement, 'observateur', '2023-06-01'),
      ],
    }),
  ];

  const meetings = [
    ctx.entity(
      Meeting,
      {
        id: 'mtg_lrcopil01',
        governanceId: GOV,
        bodyId: LA_ROCHELLE_IDS.steeringCommittee,
        title: 'Comité de pilotage — point d’étape',
        startsAt: workdayAt(-75, '14:00'),
        place: 'Siège de la Communauté d’agglomération, La Rochelle',
        status: 'tenue',
        agenda: [
          {
            title: 'Permanences dans les communes',
            presenterId: P.gautier,
            actionId: A.permanences,
          },
          {
            title: 'Avenir des postes de conseillers numériques',
            presenterId: P.giraud,
            actionId: A.conseillers,
          },
          { title: 'Premiers indicateurs de pilotage', presenterId: P.moreau, durationMinutes: 20 },
        ],
        minutes:
          'Aytré accueille sa permanence depuis deux mois. Lagord attend une salle. Le comité ' +
          'demande d’ouvrir Périgny avant la fin de l’année.',
        decisions: [
          {
            id: 'dec_lrcopil01a',
            text: 'Avancer l’ouverture de la permanence de Périgny avant la fin de l’année.',
            actionId: A.permanences,
          },
          {
            id: 'dec_lrcopil01b',
            text: 'Déposer une demande de pérennisation des postes de conseillers numériques.',
            actionId: A.conseillers,
          },
        ],
        attendance: [
          ...present(P.giraud, P.gautier, P.moreau, P.perrin),
          { personId: P.roux, status: 'excuse' },
          { personId: P.lefevre, status: 'present' },
        ],
      },
      { created: -90, updated: -74 },
    ),
    ctx.entity(
      Meeting,
      {
        id: 'mtg_lrcom01',
        governanceId: GOV,
        bodyId: LA_ROCHELLE_IDS.community,
        title: 'Rencontre trimestrielle de la communauté',
        startsAt: workdayAt(-30, '09:30'),
        durationMinutes: 150,
        place: 'Médiathèque Michel-Crépeau, La Rochelle',
        status: 'tenue',
        agenda: [
          { title: 'Tour de table des structures' },
          {
            title: 'Projet de charte de la communauté',
            presenterId: P.moreau,
            actionId: A.communaute,
          },
          {
            title: 'Formation mutualisée des agents d’accueil',
            presenterId: P.perrin,
            actionId: A.formation,
          },
        ],
        decisions: [
          {
            id: 'dec_lrcom01a',
            text: 'Faire relire le projet de charte par chaque structure avant adoption.',
            actionId: A.communaute,
          },
        ],
        attendance: [
          ...present(
            P.moreau,
            P.marchand,
            P.belkacem,
            P.lambert,
            P.chevalier,
            P.benard,
            P.perrin,
            P.diallo,
          ),
          { personId: P.fontaine, status: 'excuse' },
          { personId: P.roux, status: 'absent' },
          { personId: P.gautier, status: 'present' },
          { personId: P.lefevre, status: 'excuse' },
        ],
      },
      { created: -45, updated: -29 },
    ),
    ctx.entity(
      Meeting,
      {
        id: 'mtg_lrcopil02',
        governanceId: GOV,
        bodyId: LA_ROCHELLE_IDS.steeringCommittee,
        title: 'Comité de pilotage — bilan de l’année',
        startsAt: workdayAt(22, '14:00'),
        place: 'Siège de la Communauté d’agglomération, La Rochelle',
        agenda: [
          {
            title: 'Bilan des permanences (Aytré, Lagord, Périgny)',
            presenterId: P.gautier,
            actionId: A.permanences,
          },
          { title: 'Indicateurs de l’année', presenterId: P.moreau, durationMinutes: 30 },
          { title: 'Préparation du bilan à mi-parcours', presenterId: P.giraud },
        ],
      },
      { created: -20 },
    ),
    ctx.entity(
      Meeting,
      {
        id: 'mtg_lrcom02',
        governanceId: GOV,
        bodyId: LA_ROCHELLE_IDS.community,
        title: 'Rencontre trimestrielle de la communauté',
        startsAt: workdayAt(60, '09:30'),
        durationMinutes: 150,
        place: 'Centre social de Mireuil, La Rochelle',
        agenda: [{ title: 'Adoption de la charte de la communauté', actionId: A.communaute }],
      },
      { created: -20 },
    ),
  ];

  const roadmaps = [
    ctx.entity(Roadmap, {
      id: RDM,
      governanceId: GOV,
      title: 'Feuille de route de l’inclusion numérique de l’agglomération de La Rochelle',
      fromYear: 2023,
      toYear: 2027,
      status: 'adoptee',
      public: true,
      adoption: { date: '2023-05-25', assembly: 'Conseil communautaire' },
      diagnosis: {
        deliveredOn: '2021-05-31',
        summary:
          'Une offre de médiation assez présente à La Rochelle et dans les quartiers prioritaires ' +
          'grâce au dynamisme des associations, mais peu d’actions dans les autres communes.',
        findings: [
          'Offre concentrée à La Rochelle et dans les quartiers prioritaires de la politique de la ville.',
          'Besoin de matériel informatique abordable et de connexions à tarif solidaire.',
          'Inquiétude des porteurs sur la pérennité des financements, notamment des conseillers numériques.',
          'Formations à mettre en commun entre les structures.',
        ],
      },
      method: [
        {
          id: 'stp_lr0001',
          kind: 'groupe_projet',
          label: 'Lancement de la coordination avec l’État',
          status: 'faite',
          date: '2021-02-15',
        },
        {
          id: 'stp_lr0002',
          kind: 'cartographie_ressources',
          label: 'Diagnostic et cartographie des acteurs',
          status: 'faite',
          date: '2021-05-31',
        },
        {
          id: 'stp_lr0003',
          kind: 'atelier_enjeux',
          label: 'Ateliers de co-construction avec les acteurs du territoire',
          status: 'faite',
          date: '2022-11-17',
          participants: 200,
        },
        {
          id: 'stp_lr0004',
          kind: 'formalisation',
          label: 'Adoption en conseil communautaire',
          status: 'faite',
          date: '2023-05-25',
        },
      ],
      axes: [
        {
          id: AXES.mailler,
          code: 'A1',
          position: 0,
          title: 'Une médiation numérique dans chaque commune',
        },
        {
          id: AXES.equiper,
          code: 'A2',
          position: 1,
          title: 'Équiper et connecter à prix solidaire',
        },
        { id: AXES.former, code: 'A3', position: 2, title: 'Former et outiller les aidants' },
        {
          id: AXES.animer,
          code: 'A4',
          position: 3,
          title: 'Animer la communauté et piloter la feuille de route',
        },
      ],
    }),
  ];

  const running = { status: 'en_cours', startDate: day(-320), endDate: day(400) } as const;

  const actions = [
    action(A.conseillers, {
      axisId: AXES.mailler,
      kind: 'fiche_action',
      code: 'A1.1',
      title: 'Pérenniser et animer le réseau des huit conseillers numériques',
      objectives:
        'Garder les huit postes au-delà de l’aide de l’État et les répartir sur tout le territoire.',
      ownerId: P.moreau,
      leadOrganizationIds: [O.cda],
      partnerOrganizationIds: [O.mireuil, O.villeneuve, O.mediatheque],
      priority: 'haute',
      ...running,
      budgetCents: 48_000_000,
      needs: [
        'animer_et_mettre_en_oeuvre_la_feuille_de_route',
        'monter_des_dossiers_de_subvention',
      ],
      indicatorIds: [IND.mediateurs],
    }),
    action(A.permanences, {
      axisId: AXES.mailler,
      kind: 'fiche_action',
      code: 'A1.2',
      title: 'Ouvrir des permanences numériques dans les communes de l’agglomération',
      description:
        'Le diagnostic a montré peu d’actions hors de La Rochelle : une permanence par commune volontaire.',
      ownerId: P.marchand,
      leadOrganizationIds: [O.cda],
      partnerOrganizationIds: [O.aytre, O.lagord, O.perigny],
      priority: 'haute',
      ...running,
      indicatorIds: [IND.actions],
    }),
    action(A.domicile, {
      axisId: AXES.mailler,
      kind: 'fiche_action',
      code: 'A1.3',
      title: 'Médiation numérique à domicile pour les personnes isolées',
      ownerId: P.chevalier,
      leadOrganizationIds: [O.domicile],
      partnerOrganizationIds: [O.ccas, O.departement, O.cpam],
      ...running,
      indicatorIds: [IND.actions],
    }),
    action(A.reconditionnement, {
      axisId: AXES.equiper,
      kind: 'fiche_projet',
      status: 'a_murir',
      code: 'A2.1',
      title: 'Filière de matériel informatique reconditionné à prix solidaire',
      description:
        'Idée issue des ateliers : reste à trouver une structure porteuse et un lieu de stockage.',
      ownerId: P.benard,
      partnerOrganizationIds: [O.solidaire, O.hub],
      priority: 'basse',
      needs: ['structurer_une_filiere_de_reconditionnement'],
    }),
    action(A.connexion, {
      axisId: AXES.equiper,
      kind: 'fiche_action',
      status: 'prete',
      code: 'A2.2',
      title: 'Recenser et faire connaître les offres de connexion à tarif solidaire',
      ownerId: P.fontaine,
      leadOrganizationIds: [O.mediatheque],
      partnerOrganizationIds: [O.caf, O.ccas],
      startDate: day(10),
      endDate: day(120),
    }),
    action(A.formation, {
      axisId: AXES.former,
      kind: 'fiche_action',
      code: 'A3.1',
      title: 'Plan de formation mutualisé des aidants et des agents d’accueil',
      ownerId: P.moreau,
      leadOrganizationIds: [O.cda],
      partnerOrganizationIds: [O.caf, O.cpam, O.poste, O.hub],
      ...running,
      budgetCents: 1_500_000,
      needs: ['former_les_professionnels'],
      indicatorIds: [IND.actions, IND.aidants],
    }),
    action(
      A.aidantsConnect,
      {
        axisId: AXES.former,
        kind: 'fiche_action',
        status: 'realisee',
        code: 'A3.2',
        title: 'Habiliter les agents d’accueil du CCAS à Aidants Connect',
        ownerId: P.lambert,
        leadOrganizationIds: [O.ccas],
        startDate: day(-400),
        endDate: day(-205),
        indicatorIds: [IND.aidants],
        statusHistory: moves(P.lambert, [['en_cours', 'realisee', -205]]),
      },
      { updated: -205 },
    ),
    action(
      A.cartographie,
      {
        axisId: AXES.animer,
        kind: 'fiche_action',
        status: 'realisee',
        code: 'A4.1',
        title: 'Cartographie partagée des acteurs de l’inclusion numérique',
        ownerId: P.moreau,
        leadOrganizationIds: [O.cda],
        partnerOrganizationIds: [O.hub],
        startDate: day(-300),
        endDate: day(-95),
        needs: ['collecter_des_donnees_territoriales', 'etablir_un_diagnostic_territorial'],
        indicatorIds: [IND.acteurs],
        statusHistory: moves(P.moreau, [['en_cours', 'realisee', -95]]),
      },
      { updated: -95 },
    ),
    action(A.communaute, {
      axisId: AXES.animer,
      kind: 'fiche_action',
      code: 'A4.2',
      title: 'Structurer et animer la communauté des acteurs',
      objectives:
        'Passer du projet à la récurrence : une rencontre par trimestre, une charte, un salon Discord vivant.',
      ownerId: P.moreau,
      leadOrganizationIds: [O.cda],
      partnerOrganizationIds: [O.mireuil, O.domicile, O.solidaire],
      priority: 'haute',
      ...running,
      needs: ['animer_la_gouvernance'],
    }),
  ];

  const milestones = [
    milestone('mil_lr0001', {
      title: 'Bilan à mi-parcours présenté au conseil communautaire',
      dueDate: workday(45),
      ownerId: P.moreau,
    }),
    milestone('mil_lr0101', {
      actionId: A.conseillers,
      title: 'Bilan annuel d’activité des huit conseillers numériques',
      dueDate: workday(35),
      ownerId: P.moreau,
    }),
    milestone('mil_lr0201', {
      actionId: A.permanences,
      title: 'Permanence numérique ouverte à Aytré',
      ownerId: P.marchand,
      ...reached(-64, -62),
      evidence: 'Première permanence tenue en mairie d’Aytré : six personnes reçues.',
    }),
    milestone('mil_lr0202', {
      actionId: A.permanences,
      title: 'Permanence numérique ouverte à Lagord',
      dueDate: workday(-9),
      ownerId: P.marchand,
      status: 'reporte',
      reschedules: [
        {
          from: workday(-40),
          to: workday(-9),
          reason: 'Salle du centre-bourg en travaux : report demandé par la mairie.',
          byId: P.marchand,
          at: at(-45, '15:00'),
        },
      ],
    }),
    milestone('mil_lr0203', {
      actionId: A.permanences,
      title: 'Permanence numérique ouverte à Périgny',
      dueDate: workday(6),
      ownerId: P.marchand,
    }),
    milestone('mil_lr0301', {
      actionId: A.domicile,
      title: 'Convention de partenariat signée avec le CCAS',
      ownerId: P.chevalier,
      ...reached(-100),
    }),
    milestone('mil_lr0302', {
      actionId: A.domicile,
      title: 'Bilan des cent premières visites à domicile',
      dueDate: workday(40),
      ownerId: P.chevalier,
    }),
    milestone('mil_lr0501', {
      actionId: A.connexion,
      title: 'Fiche des offres de connexion solidaires diffusée aux aidants',
      dueDate: workday(25),
      ownerId: P.fontaine,
    }),
    milestone('mil_lr0601', {
      actionId: A.formation,
      title: 'Programme de formation mutualisé validé par les partenaires',
      ownerId: P.moreau,
      ...reached(-120, -118),
    }),
    milestone('mil_lr0602', {
      actionId: A.formation,
      title: 'Session « démarches CAF et CPAM » pour les agents d’accueil',
      dueDate: workday(12),
      ownerId: P.perrin,
    }),
    milestone('mil_lr0701', {
      actionId: A.aidantsConnect,
      title: 'Agents d’accueil du CCAS habilités Aidants Connect',
      ownerId: P.lambert,
      ...reached(-210, -205),
    }),
    milestone('mil_lr0801', {
      actionId: A.cartographie,
      title: 'Cartographie des acteurs publiée',
      ownerId: P.moreau,
      ...reached(-95),
      evidence: 'Carte présentée en comité de pilotage et diffusée aux communes.',
    }),
    milestone('mil_lr0901', {
      actionId: A.communaute,
      title: 'Charte de la communauté des acteurs adoptée',
      dueDate: workday(-4),
      ownerId: P.moreau,
    }),
    milestone('mil_lr0902', {
      actionId: A.communaute,
      title: 'Rencontre trimestrielle de la communauté',
      dueDate: workday(60),
      ownerId: P.moreau,
    }),
  ];

  const fundingLines = [
    kit.funding(LA_ROCHELLE_IDS.stateFunding, {
      actionId: A.conseillers,
      funderKind: 'etat',
      programme: 'Conseiller numérique — France Relance',
      amountCents: 40_000_000,
      status: 'verse',
      decidedOn: '2021-04-15',
      payments: [
        { on: '2021-06-15', amountCents: 20_000_000, note: 'Première année' },
        { on: '2022-06-15', amountCents: 20_000_000, note: 'Seconde année' },
      ],
      note: 'Subvention du secrétariat d’État chargé de la transition numérique : 400 000 € sur deux ans pour huit postes.',
    }),
    kit.funding('fun_lr0002', {
      actionId: A.conseillers,
      funderKind: 'epci',
      funderOrganizationId: O.cda,
      programme: 'Pérennisation des postes après l’aide de l’État',
      amountCents: 8_000_000,
      status: 'en_instruction',
    }),
    kit.funding('fun_lr0003', {
      actionId: A.formation,
      funderKind: 'caf',
      funderOrganizationId: O.caf,
      amountCents: 900_000,
      status: 'accorde',
      decidedOn: day(-130),
    }),
    kit.funding('fun_lr0004', {
      actionId: A.formation,
      funderKind: 'cpam',
      funderOrganizationId: O.cpam,
      amountCents: 600_000,
      status: 'demande',
    }),
  ];

  const { update } = kit;
  const updates = [
    update('upd_lr0001', P.moreau, 'api', at(-75, '17:45'), {
      subject: { type: 'roadmap', id: RDM },
      kind: 'decision',
      text: 'Comité de pilotage : ouverture de la permanence de Périgny avancée avant la fin de l’année.',
    }),
    update('upd_lr0002', P.marchand, 'discord', at(-62, '18:10'), {
      subject: { type: 'milestone', id: 'mil_lr0201' },
      text: 'Première permanence à Aytré ce matin : six personnes reçues, surtout pour la CAF et l’ANTS.',
      milestoneStatus: 'atteint',
    }),
    update('upd_lr0003', P.marchand, 'discord', at(-20, '17:05'), {
      subject: { type: 'action', id: A.permanences },
      text: 'Aytré tourne bien, trois mardis par mois. Lagord attend toujours une salle.',
      progress: 45,
    }),
    update('upd_lr0004', P.marchand, 'discord', at(-5, '12:40'), {
      subject: { type: 'milestone', id: 'mil_lr0202' },
      kind: 'blocage',
      text: 'La salle de Lagord n’est pas libérée : on étudie un accueil provisoire avec la mairie.',
    }),
    update('upd_lr0005', P.lambert, 'api', at(-205, '10:15'), {
      subject: { type: 'action', id: A.aidantsConnect },
      text: 'Les cinq agents d’accueil du CCAS sont habilités Aidants Connect.',
      progress: 100,
      actionStatus: 'realisee',
    }),
    update('upd_lr0006', P.chevalier, 'discord', at(-12, '16:30'), {
      subject: { type: 'action', id: A.domicile },
      text: '38 visites à domicile depuis la rentrée, surtout des personnes âgées orientées par le CCAS.',
      progress: 35,
    }),
    update('upd_lr0007', P.belkacem, 'discord', at(-8, '09:45'), {
      subject: { type: 'governance', id: GOV },
      kind: 'information',
      text: 'Nouveaux ateliers « smartphone » le jeudi au centre social de Mireuil, ouverts à toute l’agglomération.',
    }),
    update('upd_lr0008', P.moreau, 'api', at(-30, '16:00'), {
      subject: { type: 'action', id: A.conseillers },
      kind: 'information',
      text: 'Demande de pérennisation des postes déposée auprès de l’agglomération ; réponse attendue au prochain budget.',
    }),
  ];

  const { indicator } = kit;
  const quarters = lastQuarters(ctx.today, 4);

  const indicators = [
    indicator(IND.acteurs, {
      code: 'acteurs_recenses',
      label: 'Acteurs recensés dans la cartographie',
      unit: 'nombre',
      method: { type: 'calcul', rule: 'acteurs_recenses' },
      timeAggregation: 'dernier',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    }),
    indicator(IND.actions, {
      code: 'actions_accompagnement',
      label: 'Actions d’accompagnement ou de formation au numérique',
      description: 'Ateliers collectifs et rendez-vous individuels déclarés par les structures.',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'trimestrielle',
      targets: quarters.map((period) => ({ period, value: 330 })),
    }),
    indicator(IND.mediateurs, {
      code: 'mediateurs',
      label: 'Médiateurs et conseillers numériques en poste',
      unit: 'personnes',
      method: { type: 'calcul', rule: 'mediateurs' },
      timeAggregation: 'dernier',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
      targets: [{ period: String(year), value: 10 }],
    }),
    indicator(IND.aidants, {
      code: 'aidants',
      label: 'Aidants numériques (dont habilités Aidants Connect)',
      unit: 'personnes',
      method: { type: 'calcul', rule: 'aidants' },
      timeAggregation: 'dernier',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    }),
    indicator(IND.participants, {
      code: 'participants_coconstruction',
      label: 'Participants à la co-construction',
      unit: 'personnes',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    }),
  ];

  const { measurement } = kit;
  const [q1, q2, q3, q4] = quarters as [string, string, string, string];

  const measurements = [
    // Counted in 2023, entered when Maille was put into service.
    measurement('mes_lr2023part', IND.participants, '2023', 200, 0, {
      source: 'Feuille de route adoptée en mai 2023',
    }),
    measurement('mes_lrq1actions', IND.actions, q1, 312, 12),
    measurement('mes_lrq2actions', IND.actions, q2, 298, 9),
    measurement('mes_lrq3actions', IND.actions, q3, 352, 8, { comment: 'Premier envoi.' }),
    // A correction is a new revision: the first value stays readable.
    measurement('mes_lrq3actionsr2', IND.actions, q3, 365, 17, {
      revision: 2,
      comment: 'Correction : les ateliers de la médiathèque manquaient au premier envoi.',
    }),
    measurement('mes_lrq4actions', IND.actions, q4, 341, 6, { status: 'provisoire' }),
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
