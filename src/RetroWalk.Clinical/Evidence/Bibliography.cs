namespace RetroWalk.Clinical.Evidence;

/// <summary>
/// Every source RetroWalk relies on: the papers behind the measure catalogue's thresholds, cut-offs and
/// norms, the trials behind the protocol templates, and the registration behind the default screening
/// limits. Where a record is incomplete, <see cref="Reference.RecordNote"/> says what is missing.
/// </summary>
public static class Bibliography
{
    public static readonly Reference Alghadir2018 = new()
    {
        Key = "alghadir-2018",
        Label = "Alghadir 2018",
        Authors = "Alghadir AH, Al-Eisa ES, Anwer S, Sarkar B",
        Year = 2018,
        Title = "Reliability, validity, and responsiveness of three scales for measuring balance in patients with chronic stroke",
        Journal = "BMC Neurol",
        Volume = "18",
        Pages = "141",
        Doi = "10.1186/s12883-018-1146-9",
        Pmid = "30213258",
        Population = "56 people with chronic stroke",
        Measured = "Test–retest reliability: MDC of the Berg Balance Scale 2.7 points, TUG 3.2 s and DGI 1.9 points (SEM 0.98, 1.16 and 0.71).",
    };

    public static readonly Reference DonoghueStokes2009 = new()
    {
        Key = "donoghue-stokes-2009",
        Label = "Donoghue & Stokes 2009",
        Authors = "Donoghue D; Physiotherapy Research and Older People (PROP) group; Stokes EK",
        Year = 2009,
        Title = "How much change is true change? The minimum detectable change of the Berg Balance Scale in elderly people",
        Journal = "J Rehabil Med",
        Volume = "41(5)",
        Pages = "343–346",
        Doi = "10.2340/16501977-0337",
        Population = "118 people over 65 attending physiotherapy, without stroke or Parkinson's disease",
        Measured = "Berg Balance Scale MDC by baseline score: 4 points (45–56), 5 (35–44), 7 (25–34), 5 (0–24).",
    };

    public static readonly Reference Berg1992 = new()
    {
        Key = "berg-1992",
        Label = "Berg 1992",
        Authors = "Berg KO, Wood-Dauphinee SL, Williams JI, Maki B",
        Year = 1992,
        Title = "Measuring balance in the elderly: validation of an instrument",
        Journal = "Can J Public Health",
        Volume = "83 Suppl 2",
        Pages = "S7–11",
        Pmid = "1468055",
        Population = "113 elderly residents (a residential sample, not community-dwelling)",
        Measured = "Validity of the Berg Balance Scale; scores predicted multiple falls. The cut-off of 45 is not in the abstract and is confirmed through Thorbahn & Newton 1996.",
    };

    public static readonly Reference ThorbahnNewton1996 = new()
    {
        Key = "thorbahn-newton-1996",
        Label = "Thorbahn & Newton 1996",
        Authors = "Thorbahn LD, Newton RA",
        Year = 1996,
        Title = "Use of the Berg Balance Test to predict falls in elderly persons",
        Journal = "Phys Ther",
        Volume = "76(6)",
        Pages = "576–583",
        Doi = "10.1093/ptj/76.6.576",
        Population = "Elderly persons",
        Measured = "Supports the test developers' use of 45 of 56 as a generalised Berg cut-off (sensitivity 53 %).",
    };

    public static readonly Reference Muir2008 = new()
    {
        Key = "muir-2008",
        Label = "Muir 2008",
        Authors = "Muir SW, Berg K, Chesworth B, Speechley M",
        Year = 2008,
        Title = "Use of the Berg Balance Scale for predicting multiple falls in community-dwelling elderly people: a prospective study",
        Journal = "Phys Ther",
        Volume = "88(4)",
        Pages = "449–459",
        Doi = "10.2522/ptj.20070251",
        Pmid = "18218822",
        Population = "210 community-dwelling older adults, followed prospectively",
        Measured = "A Berg score ≤ 45 had sensitivity 25 % for any fall and 45 % for multiple falls; the authors advise that use of a single cut-off of 45 should cease.",
    };

    public static readonly Reference Tilson2012 = new()
    {
        Key = "tilson-2012",
        Label = "Tilson 2012",
        Authors = "Tilson JK, Wu SS, Cen SY, Feng Q, Rose DR, Behrman AL, Azen SP, Duncan PW; LEAPS Investigative Team",
        Year = 2012,
        Title = "Characterizing and identifying risk for falls in the LEAPS study: a randomized clinical trial of interventions to improve walking poststroke",
        Journal = "Stroke",
        Volume = "43(2)",
        Pages = "446–452",
        Doi = "10.1161/STROKEAHA.111.636258",
        Pmid = "22246687",
        Population = "408 community-dwelling people able to walk, assessed about 2 months after stroke",
        Measured = "A Berg Balance Scale score ≤ 42 of 56 was the single best predictor of multiple or injurious falls.",
    };

    public static readonly Reference Hayashi2022 = new()
    {
        Key = "hayashi-2022",
        Label = "Hayashi 2022",
        Authors = "Hayashi S, Miyata K, Takeda R, Iizuka T, Igarashi T, Usuda S",
        Year = 2022,
        Title = "Minimal clinically important difference of the Berg Balance Scale and comfortable walking speed in patients with acute stroke: a multicenter, prospective, longitudinal study",
        Journal = "Clin Rehabil",
        Volume = "36(11)",
        Pages = "1512–1523",
        Doi = "10.1177/02692155221108552",
        Pmid = "35730136",
        Population = "75 inpatients with acute stroke",
        Measured = "Berg Balance Scale MCID 6.5–12.5 points by the anchor-based approach (2.3–4.9 distribution-based).",
    };

    public static readonly Reference ShumwayCook2000 = new()
    {
        Key = "shumway-cook-2000",
        Label = "Shumway-Cook 2000",
        Authors = "Shumway-Cook A, Brauer S, Woollacott M",
        Year = 2000,
        Title = "Predicting the probability for falls in community-dwelling older adults using the Timed Up & Go Test",
        Journal = "Phys Ther",
        Volume = "80(9)",
        Pages = "896–903",
        Doi = "10.1093/ptj/80.9.896",
        Population = "Community-dwelling older adults (fallers and non-fallers)",
        Measured = "A TUG time of 13.5 s or more identified people at higher risk of falls (confirmed through Barry 2014; the primary abstract was not reachable).",
    };

    public static readonly Reference Barry2014 = new()
    {
        Key = "barry-2014",
        Label = "Barry 2014",
        Authors = "Barry E, Galvin R, Keogh C, Horgan F, Fahey T",
        Year = 2014,
        Title = "Is the Timed Up and Go test a useful predictor of risk of falls in community dwelling older adults: a systematic review and meta-analysis",
        Journal = "BMC Geriatr",
        Volume = "14",
        Pages = "14",
        Doi = "10.1186/1471-2318-14-14",
        Population = "Meta-analysis of 10 studies of community-dwelling older adults",
        Measured = "At TUG ≥ 13.5 s: pooled sensitivity 0.31 (0.13–0.57), specificity 0.74 (0.52–0.88).",
    };

    public static readonly Reference Bohannon2006 = new()
    {
        Key = "bohannon-2006",
        Label = "Bohannon 2006",
        Authors = "Bohannon RW",
        Year = 2006,
        Title = "Reference values for the Timed Up and Go test: a descriptive meta-analysis",
        Journal = "J Geriatr Phys Ther",
        Volume = "29(2)",
        Pages = "64–68",
        Doi = "10.1519/00139143-200608000-00004",
        Population = "21 studies of healthy older people",
        Measured = "Mean TUG 8.1 s (60–69 years), 9.2 s (70–79) and 11.3 s (80–99).",
    };

    public static readonly Reference Matsumoto2024 = new()
    {
        Key = "matsumoto-2024",
        Label = "Matsumoto 2024",
        Authors = "Matsumoto D, Fujita T, Kasahara R, Tsuchiya K, Iokawa K",
        Year = 2024,
        Title = "Screening cutoff values to identify the risk of falls after stroke: a scoping review",
        Journal = "J Rehabil Med",
        Volume = "56",
        Pages = "jrm40560",
        Doi = "10.2340/jrm.v56.40560",
        Pmid = "39444285",
        Population = "Scoping review of 21 studies of people after stroke",
        Measured = "Fall-risk cut-offs after stroke: TUG 15–19 s (AUC 0.66–0.70), Berg 46.5–50.5 points.",
    };

    public static readonly Reference LewekSykes2019 = new()
    {
        Key = "lewek-sykes-2019",
        Label = "Lewek & Sykes 2019",
        Authors = "Lewek MD, Sykes R",
        Year = 2019,
        Title = "Minimal detectable change for gait speed depends on baseline speed in individuals with chronic stroke",
        Journal = "J Neurol Phys Ther",
        Volume = "43(2)",
        Pages = "122–127",
        Doi = "10.1097/NPT.0000000000000257",
        Population = "76 people with chronic stroke, grouped by baseline comfortable speed (only 15 above 0.8 m/s)",
        Measured = "Comfortable gait speed MDC95: 0.10 m/s (baseline < 0.4 m/s), 0.15 m/s (0.4–0.8), 0.18 m/s (> 0.8).",
    };

    public static readonly Reference Tilson2010 = new()
    {
        Key = "tilson-2010",
        Label = "Tilson 2010",
        Authors = "Tilson JK, Sullivan KJ, Cen SY, Rose DK, Koradia CH, Azen SP, Duncan PW; LEAPS Investigative Team",
        Year = 2010,
        Title = "Meaningful gait speed improvement during the first 60 days poststroke: minimal clinically important difference",
        Journal = "Phys Ther",
        Volume = "90(2)",
        Pages = "196–208",
        Doi = "10.2522/ptj.20090079",
        Pmid = "20022995",
        Population = "283 people 20–60 days after stroke with severe gait-speed impairment",
        Measured = "Comfortable gait speed MCID 0.16 m/s (modified Rankin anchor; sensitivity 73.9 %, specificity 57.0 %).",
    };

    public static readonly Reference Bohannon2013 = new()
    {
        Key = "bohannon-2013",
        Label = "Bohannon 2013",
        Authors = "Bohannon RW, Andrews AW, Glenney SS",
        Year = 2013,
        Title = "Minimal clinically important difference for comfortable speed as a measure of gait performance in patients undergoing inpatient rehabilitation after stroke",
        Journal = "J Phys Ther Sci",
        Volume = "25(10)",
        Pages = "1223–1225",
        Doi = "10.1589/jpts.25.1223",
        Pmid = "24259762",
        Population = "35 inpatients in rehabilitation after stroke",
        Measured = "Comfortable gait speed MCID 0.13 m/s (anchor: a drop of at least two assistance levels).",
    };

    public static readonly Reference Perera2006 = new()
    {
        Key = "perera-2006",
        Label = "Perera 2006",
        Authors = "Perera S, Mody SH, Woodman RC, Studenski SA",
        Year = 2006,
        Title = "Meaningful change and responsiveness in common physical performance measures in older adults",
        Journal = "J Am Geriatr Soc",
        Volume = "54(5)",
        Pages = "743–749",
        Doi = "10.1111/j.1532-5415.2006.00701.x",
        Population = "Older adults with mobility disability (n = 100), subacute stroke survivors (n = 100) and community-dwelling older people (n = 492)",
        Measured = "Small meaningful change near 0.05 m/s for gait speed and 20 m for 6MWT distance; substantial change near 0.10 m/s and 50 m.",
    };

    public static readonly Reference Perry1995 = new()
    {
        Key = "perry-1995",
        Label = "Perry 1995",
        Authors = "Perry J, Garrett M, Gronley JK, Mulroy SJ",
        Year = 1995,
        Title = "Classification of walking handicap in the stroke population",
        Journal = "Stroke",
        Volume = "26(6)",
        Pages = "982–989",
        Doi = "10.1161/01.STR.26.6.982",
        Population = "People after stroke",
        Measured = "Walking-handicap categories, later condensed to speed bands: household (< 0.4 m/s), limited community (0.4–0.8 m/s) and community (> 0.8 m/s) ambulation (bands confirmed through Schmid 2007).",
    };

    public static readonly Reference Schmid2007 = new()
    {
        Key = "schmid-2007",
        Label = "Schmid 2007",
        Authors = "Schmid A, Duncan PW, Studenski S, Lai SM, Richards L, Perera S, Wu SS",
        Year = 2007,
        Title = "Improvements in speed-based gait classifications are meaningful",
        Journal = "Stroke",
        Doi = "10.1161/STROKEAHA.106.475921",
        Population = "People after stroke",
        Measured = "Uses the speed bands < 0.4, 0.4–0.8 and > 0.8 m/s for household, limited community and full community ambulation.",
        RecordNote = "Volume and pages not confirmed.",
    };

    public static readonly Reference Middleton2016 = new()
    {
        Key = "middleton-2016",
        Label = "Middleton 2016",
        Authors = "Middleton A, Fulk GD, Herter TM, Beets MW, Donley J, Fritz SL",
        Year = 2016,
        Title = "Self-selected and maximal walking speeds provide greater insight into fall status than walking speed reserve among community-dwelling older adults",
        Journal = "Am J Phys Med Rehabil",
        Volume = "95(7)",
        Pages = "475–482",
        Doi = "10.1097/PHM.0000000000000488",
        Population = "217 community-dwelling older adults aged 65–93 (median 82); falls in the previous year (retrospective)",
        Measured = "Fall-status cut-offs: comfortable speed 0.76 m/s (sensitivity 65.4 %, specificity 70.9 %, AUC 0.69); fast speed 1.13 m/s (76.6 %, 60.0 %, AUC 0.71).",
    };

    public static readonly Reference BohannonAndrews2011 = new()
    {
        Key = "bohannon-andrews-2011",
        Label = "Bohannon & Andrews 2011",
        Authors = "Bohannon RW, Andrews AW",
        Year = 2011,
        Title = "Normal walking speed: a descriptive meta-analysis",
        Journal = "Physiotherapy",
        Volume = "97(3)",
        Pages = "182–189",
        Doi = "10.1016/j.physio.2010.12.004",
        Pmid = "21820535",
        Population = "41 studies, 23,111 healthy adults",
        Measured = "Mean comfortable gait speed by sex and age, from 0.94 m/s for women aged 80–99.",
    };

    public static readonly Reference Carter2019 = new()
    {
        Key = "carter-2019",
        Label = "Carter 2019",
        Authors = "Carter V, Jain T, James J, Cornwall M, Aldrich A, de Heer HD",
        Year = 2019,
        Title = "The 3-m backwards walk and retrospective falls: diagnostic accuracy of a novel clinical measure",
        Journal = "J Geriatr Phys Ther",
        Population = "Community-dwelling older adults walking without an aid and without a neurological diagnosis; falls counted retrospectively",
        Measured = "3MBWT cut-offs of 3.0 s (low) and 4.5 s (high fall risk) for retrospective falls (confirmed through Carter 2020).",
        RecordNote = "Volume, pages, DOI and PMID not confirmed.",
    };

    public static readonly Reference Carter2020 = new()
    {
        Key = "carter-2020",
        Label = "Carter 2020",
        Authors = "Carter VA, Farley BG, Wing K, de Heer HD, Jain TK",
        Year = 2020,
        Title = "Diagnostic accuracy of the 3-meter backward walk test in persons with Parkinson disease",
        Journal = "Top Geriatr Rehabil",
        Volume = "36(3)",
        Pages = "140–145",
        Doi = "10.1097/TGR.0000000000000272",
        Population = "175 people with Parkinson's disease",
        Measured = "Quotes Carter 2019's 3.0 s and 4.5 s cut-offs; in Parkinson's disease 4.2 s had the highest AUC (0.699).",
    };

    public static readonly Reference Kapan2023 = new()
    {
        Key = "kapan-2023",
        Label = "Kapan 2023",
        Authors = "Kapan A, Ristic M, Yang L, Kranz G, Waldhör T",
        Year = 2023,
        Title = "Concurrent validity and test–retest reliability of the 3-Meter Backward Walk Test in stroke survivors",
        Journal = "Healthcare (Basel)",
        Volume = "11(23)",
        Pages = "3020",
        Doi = "10.3390/healthcare11233020",
        Population = "35 ambulatory people (FAC ≥ 4) within one month of stroke, in a rehabilitation centre",
        Measured = "3MBWT reliability and validity; no marked differences in test results by fall history.",
    };

    public static readonly Reference PoloFerrero2025 = new()
    {
        Key = "polo-ferrero-2025",
        Label = "Polo-Ferrero 2025",
        Authors = "Polo-Ferrero L, Torres-Alonso J, Sánchez-Sánchez MC, Puente-González AS, Barbero-Iglesias FJ, Méndez-Sánchez R",
        Year = 2025,
        Title = "The predictive capacity of the 3-Meter Backward Walk Test for falls in older adults: a case–control analysis",
        Journal = "J Funct Morphol Kinesiol",
        Volume = "10(2)",
        Pages = "154",
        Doi = "10.3390/jfmk10020154",
        Population = "483 community-dwelling older adults (mean age 76.3), 101 with a fall in the previous 12 months",
        Measured = "3MBWT 5.1 ± 1.3 s in non-fallers and 6.8 ± 3.4 s in fallers; best cut-off 5.5 s (sensitivity 59.5 %, specificity 68.6 %, AUC 0.655).",
    };

    public static readonly Reference Kocaman2021 = new()
    {
        Key = "kocaman-2021",
        Label = "Kocaman 2021",
        Authors = "Kocaman AA, Aydoğan Arslan S, Uğurlu K, Katırcı Kırmacı Zİ, Keskin ED",
        Year = 2021,
        Title = "Validity and reliability of the 3-meter backward walk test in individuals with stroke",
        Journal = "J Stroke Cerebrovasc Dis",
        Volume = "30(1)",
        Pages = "105462",
        Doi = "10.1016/j.jstrokecerebrovasdis.2020.105462",
        Population = "41 people with stroke aged 35–78 (time since stroke not stated in the abstract); retest after 2 days",
        Measured = "3MBWT time: SEM 1.11 s, MDC 1.57 s.",
    };

    public static readonly Reference DeMark2023 = new()
    {
        Key = "demark-2023",
        Label = "DeMark 2023",
        Authors = "DeMark LA, Fox EJ, Manes MR, Conroy C, Rose DK",
        Year = 2023,
        Title = "The 3-Meter Backward Walk Test (3MBWT): reliability and validity in individuals with subacute and chronic stroke",
        Journal = "Physiother Theory Pract",
        Volume = "39(12)",
        Pages = "2698–2705",
        Doi = "10.1080/09593985.2022.2085638",
        Pmid = "35658807",
        Population = "34 people with subacute and 29 with chronic stroke (5 m walk, middle 3 m timed)",
        Measured = "Backward gait speed MDC 0.07 m/s (subacute) and 0.11 m/s (chronic), from two trials in one session.",
    };

    public static readonly Reference FulkHe2018 = new()
    {
        Key = "fulk-he-2018",
        Label = "Fulk & He 2018",
        Authors = "Fulk GD, He Y",
        Year = 2018,
        Title = "Minimal clinically important difference of the 6-minute walk test in people with stroke",
        Journal = "J Neurol Phys Ther",
        Volume = "42(4)",
        Pages = "235–240",
        Doi = "10.1097/NPT.0000000000000236",
        Pmid = "30138230",
        Population = "People in rehabilitation between 2 and 6 months after stroke",
        Measured = "6MWT MCID 71 m (modified Rankin anchor, AUC 0.66) and 65 m (Stroke Impact Scale anchor, AUC 0.59); 44 m when initial gait speed was below 0.4 m/s (AUC 0.72). No accurate MCID could be estimated at 0.4 m/s or faster.",
    };

    public static readonly Reference EnrightSherrill1998 = new()
    {
        Key = "enright-sherrill-1998",
        Label = "Enright & Sherrill 1998",
        Authors = "Enright PL, Sherrill DL",
        Year = 1998,
        Title = "Reference equations for the six-minute walk in healthy adults",
        Journal = "Am J Respir Crit Care Med",
        Volume = "158(5 Pt 1)",
        Pages = "1384–1387",
        Doi = "10.1164/ajrccm.158.5.9710086",
        Pmid = "9817683",
        Population = "117 healthy men and 173 healthy women aged 40–80",
        Measured = "Predicted 6MWT distance: men 7.57 × height(cm) − 5.02 × age − 1.76 × weight(kg) − 309; women 2.11 × height − 2.29 × weight − 5.78 × age + 667 (equations confirmed through a published table of reference equations).",
    };

    public static readonly Reference VanBloemendaal2019 = new()
    {
        Key = "van-bloemendaal-2019",
        Label = "van Bloemendaal 2019",
        Authors = "van Bloemendaal M, Bout W, Bus SA, Nollet F, Geurts AC, Beelen A",
        Year = 2019,
        Title = "Validity and reproducibility of the Functional Gait Assessment in persons after stroke",
        Journal = "Clin Rehabil",
        Population = "52 people a median of 6 (5–10) weeks after stroke, walking independently; retest within 1–8 days",
        Measured = "FGA SEM 2 points and MDC 6 points.",
        RecordNote = "Volume, pages, DOI and PMID not confirmed.",
    };

    public static readonly Reference FgaCommunityStroke = new()
    {
        Key = "fga-community-stroke",
        Label = "FGA community stroke study (record unconfirmed)",
        Title = "Psychometric properties of the Functional Gait Assessment in community-dwelling people with stroke (title, authors and journal not confirmed)",
        Journal = "Journal not confirmed",
        Population = "63 community-dwelling people with stroke and 30 healthy older adults",
        Measured = "FGA test–retest ICC 0.85, SEM 1.81 and MDC 5.02 points; a score of 20 separated people with stroke from healthy adults.",
        RecordNote = "Only the abstract was found; authors, journal, year and identifiers are not confirmed.",
    };

    public static readonly Reference WrisleyKumar2010 = new()
    {
        Key = "wrisley-kumar-2010",
        Label = "Wrisley & Kumar 2010",
        Authors = "Wrisley DM, Kumar NA",
        Year = 2010,
        Title = "Functional gait assessment: concurrent, discriminative, and predictive validity in community-dwelling older adults",
        Journal = "Phys Ther",
        Volume = "90(5)",
        Pages = "761–773",
        Doi = "10.2522/ptj.20090069",
        Pmid = "20360052",
        Population = "35 community-dwelling older adults aged 60–90, followed for 6 months",
        Measured = "An FGA score ≤ 22 of 30 predicted falls with sensitivity 100 % and specificity 72 %.",
    };

    public static readonly Reference LajoieGallagher2004 = new()
    {
        Key = "lajoie-gallagher-2004",
        Label = "Lajoie & Gallagher 2004",
        Authors = "Lajoie Y, Gallagher SP",
        Year = 2004,
        Title = "Predicting falls within the elderly community: comparison of postural sway, reaction time, the Berg balance scale and the Activities-specific Balance Confidence (ABC) scale for comparing fallers and non-fallers",
        Journal = "Arch Gerontol Geriatr",
        Volume = "38(1)",
        Pages = "11–26",
        Population = "Community-dwelling older fallers and non-fallers",
        Measured = "The usual attribution of an ABC cut-off of 67 %; the value was not seen in what could be reached.",
        RecordNote = "DOI and PMID not recorded.",
    };

    public static readonly Reference Romero2011 = new()
    {
        Key = "romero-2011",
        Label = "Romero 2011",
        Authors = "Romero S, Bishop MD, Velozo CA, Light K",
        Year = 2011,
        Title = "Minimum detectable change of the Berg Balance Scale and Dynamic Gait Index in older persons at risk for falling",
        Journal = "J Geriatr Phys Ther",
        Volume = "34(3)",
        Pages = "131–137",
        Doi = "10.1519/JPT.0b013e3182048006",
        Population = "42 community dwellers over 65 with falls or near-falls",
        Measured = "MDC95 of 6.5 Berg points and 2.9 DGI points, from inter-rater re-scoring of videos (not test–retest).",
    };

    public static readonly Reference ShumwayCookBaldwin1997 = new()
    {
        Key = "shumway-cook-baldwin-1997",
        Label = "Shumway-Cook, Baldwin 1997",
        Authors = "Shumway-Cook A, Baldwin M, Polissar NL, Gruber W",
        Year = 1997,
        Title = "Predicting the probability for falls in community-dwelling older adults",
        Journal = "Phys Ther",
        Volume = "77(8)",
        Pages = "812–819",
        Population = "Community-dwelling older adults",
        Measured = "A fall-probability model from the Berg Balance Scale and a history of imbalance (sensitivity 91 %, specificity 82 %); the abstract gives no DGI cut-off.",
        RecordNote = "DOI and PMID not recorded.",
    };

    public static readonly Reference ShumwayCookGruber1997 = new()
    {
        Key = "shumway-cook-gruber-1997",
        Label = "Shumway-Cook, Gruber 1997",
        Authors = "Shumway-Cook A, Gruber W, Baldwin M, Liao S",
        Year = 1997,
        Title = "The effect of multidimensional exercises on balance, mobility, and fall risk in community-dwelling older adults",
        Journal = "Phys Ther",
        Volume = "77(1)",
        Pages = "46–57",
        Population = "Community-dwelling older adults",
        Measured = "Effect of exercise on balance, mobility and fall risk; the abstract gives no DGI cut-off.",
        RecordNote = "DOI and PMID not recorded.",
    };

    public static readonly Reference Mong2010 = new()
    {
        Key = "mong-2010",
        Label = "Mong 2010",
        Authors = "Mong Y, Teo TW, Ng SS",
        Year = 2010,
        Title = "5-repetition sit-to-stand test in subjects with chronic stroke: reliability and validity",
        Journal = "Arch Phys Med Rehabil",
        Volume = "91(3)",
        Pages = "407–413",
        Doi = "10.1016/j.apmr.2009.10.030",
        Population = "12 people with chronic stroke and 12 healthy older adults",
        Measured = "A five-times sit-to-stand time of 12 s separated people with stroke from healthy older adults (sensitivity 83 %, specificity 75 %).",
    };

    public static readonly Reference Tsang2013 = new()
    {
        Key = "tsang-2013",
        Label = "Tsang 2013",
        Authors = "Tsang CSL, Liao LR, Chung RCK, Pang MYC",
        Year = 2013,
        Title = "Psychometric properties of the Mini-Balance Evaluation Systems Test (Mini-BESTest) in community-dwelling individuals with chronic stroke",
        Journal = "Phys Ther",
        Volume = "93(8)",
        Pages = "1102–1115",
        Doi = "10.2522/ptj.20120454",
        Population = "106 community-dwelling people with chronic stroke; retest within 10 days",
        Measured = "Mini-BESTest MDC95 3.0 points.",
    };

    public static readonly Reference Beauchamp2021 = new()
    {
        Key = "beauchamp-2021",
        Label = "Beauchamp 2021",
        Authors = "Beauchamp MK, Niebuhr R, Roche P, Kirkwood R, Sibley KM",
        Year = 2021,
        Title = "A prospective study to establish the minimal clinically important difference of the Mini-BESTest in individuals with stroke",
        Journal = "Clin Rehabil",
        Volume = "35(8)",
        Pages = "1207–1215",
        Doi = "10.1177/02692155211025131",
        Pmid = "34128411",
        Population = "50 outpatients in rehabilitation after stroke",
        Measured = "Mini-BESTest MCID 4 points for small and 5 points for substantial change (MDC95 3.2).",
    };

    public static readonly Reference Chang2021 = new()
    {
        Key = "chang-2021",
        Label = "Chang 2021",
        Authors = "Chang KW, Lin CM, Yen CW, Yang CC, Tanaka T, Guo LY",
        Year = 2021,
        Title = "The effect of walking backward on a treadmill on balance, speed of walking and cardiopulmonary fitness for patients with chronic stroke: a pilot study",
        Journal = "Int J Environ Res Public Health",
        Volume = "18(5)",
        Pages = "2376",
        Doi = "10.3390/ijerph18052376",
        Pmid = "33804374",
        Registration = "NCT02619110",
        Population = "16 people more than 6 months after stroke (8 + 8 analysed; the registration lists 30 enrolled), Brunnstrom stage above IV, walking more than 11 m",
        Measured = "30 min of backward treadmill walking added to 30 min of physiotherapy, 3 times a week for 4 weeks; BBS, TUG, 10MWT, 6MWT and lung function.",
    };

    public static readonly Reference Rose2018 = new()
    {
        Key = "rose-2018",
        Label = "Rose 2018",
        Authors = "Rose DK, DeMark L, Fox EJ, Clark DJ, Wludyka P",
        Year = 2018,
        Title = "A backward walking training program to improve balance and mobility in acute stroke: a pilot randomized controlled trial",
        Journal = "J Neurol Phys Ther",
        Volume = "42(1)",
        Pages = "12–21",
        Doi = "10.1097/NPT.0000000000000210",
        Population = "18 inpatients about one week after stroke (acute stroke)",
        Measured = "Eight 30-minute sessions of backward walking training in addition to scheduled therapy; 5 m walk, 3MBWT, ABC, BBS, Sensory Organization Test and FIM-Mobility.",
    };

    public static readonly Reference Alghadir2019 = new()
    {
        Key = "alghadir-2019",
        Label = "Alghadir 2019",
        Authors = "Alghadir AH, Anwer S, Sarkar B, Paul AK, Anwar D",
        Year = 2019,
        Title = "Effect of 6-week retro or forward walking program on pain, functional disability, quadriceps muscle strength, and performance in individuals with knee osteoarthritis: a randomized controlled trial (retro-walking trial)",
        Journal = "BMC Musculoskelet Disord",
        Volume = "20",
        Pages = "159",
        Doi = "10.1186/s12891-019-2537-9",
        Registration = "ISRCTN12850845",
        Population = "68 people with knee osteoarthritis (mean age 55.6)",
        Measured = "10 min of supervised retro walking added to usual care, 3 days a week for 6 weeks; pain (NRS), WOMAC, quadriceps strength and TUG.",
    };

    public static readonly Reference Nct07649863 = new()
    {
        Key = "nct07649863",
        Label = "NCT07649863",
        Title = "Backward walking pilot trial in knee osteoarthritis (registered title not recorded)",
        Journal = "ClinicalTrials.gov registration",
        Year = 2026,
        Registration = "NCT07649863",
        Population = "Pilot of 44 people with knee osteoarthritis",
        Measured = "Backward walking starting with 10 minutes and increasing up to 30 minutes while pain stays low. First posted June 2026; no results.",
        RecordNote = "A trial registration without published results.",
    };

    public static readonly Reference Josr2023Protocol = new()
    {
        Key = "josr-2023-protocol",
        Label = "J Orthop Surg Res 2023 protocol",
        Year = 2023,
        Title = "Effects of backward walking exercise using lower body positive pressure treadmill on knee symptoms and physical function in individuals with knee osteoarthritis: a protocol for RCT",
        Journal = "J Orthop Surg Res",
        Volume = "18",
        Pages = "264",
        Doi = "10.1186/s13018-023-03711-x",
        Population = "Planned: 26 people with mild to moderate knee osteoarthritis",
        Measured = "Protocol only, no results: backward vs forward walking on a lower-body-positive-pressure treadmill, 3 times a week for 6 weeks, up to 30 min; primary NPRS, KOOS and thigh strength; secondary FTSTS, 3MBWT, TUG, 10MWT and 6MWT among others.",
        RecordNote = "Author list not recorded.",
    };

    public static readonly Reference Shen2021 = new()
    {
        Key = "shen-2021",
        Label = "Shen 2021",
        Authors = "Shen M, Che S, Ye D, Li Y, Lin F, Zhang Y",
        Year = 2021,
        Title = "Effects of backward walking on knee proprioception after ACL reconstruction",
        Journal = "Physiother Theory Pract",
        Volume = "37(10)",
        Pages = "1109–1116",
        Pmid = "31633440",
        Population = "52 people after ACL reconstruction: four backward-walking groups and a control group",
        Measured = "Backward treadmill walking at a fixed angle per group (0°, 5°, 10° or 15°) for 4 weeks; angle reproduction and passive motion perception tests. 10° and 15° improved angle reproduction more than 0°; 5° did not.",
    };

    public static readonly Reference BlttFrontNeurol2022 = new()
    {
        Key = "bltt-front-neurol-2022",
        Label = "Front Neurol 2022 BLTT study",
        Year = 2022,
        Title = "Serial backward locomotor treadmill training improves bidirectional walking performance in chronic stroke",
        Journal = "Front Neurol",
        Volume = "13",
        Pages = "800757",
        Doi = "10.3389/fneur.2022.800757",
        Pmid = "35359661",
        Population = "39 adults more than 6 months after stroke with residual walking impairment (University of Cincinnati)",
        Measured = "6 backward locomotor treadmill training sessions, 3 a week over 2 weeks; backward and forward walking speed, step lengths and single-support centre-of-pressure distance all improved.",
        RecordNote = "Author list not recorded.",
    };

    public static readonly Reference BlttMedRxiv2024 = new()
    {
        Key = "bltt-medrxiv-2024",
        Label = "medRxiv 2024 BLTT trial",
        Year = 2024,
        Title = "Characterizing the longitudinal impact of backward locomotor treadmill training on walking and balance outcomes in chronic stroke survivors: a randomized single center clinical trial",
        Journal = "medRxiv preprint (not peer reviewed)",
        Doi = "10.1101/2024.09.11.24313519",
        Pmid = "39314955",
        Population = "40 people with chronic stroke and mild to moderate walking impairment (19 backward, 21 forward treadmill training)",
        Measured = "Nine 30-minute sessions over 3 weeks; both groups gained at least 0.16 m/s on the 10MWT, retained at day 90, with no difference between backward and forward training.",
        RecordNote = "Author list not recorded.",
    };

    public static readonly Reference Nct02710773 = new()
    {
        Key = "nct02710773",
        Label = "NCT02710773",
        Authors = "Smania N (University of Verona)",
        Title = "Effects of backward treadmill training on spasticity and gait ability in patients with chronic stroke",
        Journal = "ClinicalTrials.gov registration",
        Registration = "NCT02710773",
        Population = "Planned: 20 people with chronic stroke",
        Measured = "Exclusion criteria include resting blood pressure above 200/100 mmHg, unstable angina, complex ventricular arrhythmia, MMSE below 20 and inability to follow two-step commands; entry required walking on the treadmill above 0.3 km/h for 3 minutes with handrail support.",
        RecordNote = "A trial registration with status unknown and no published results.",
    };

    /// <summary>Every reference, in the order above (measures first, then templates and defaults).</summary>
    public static IReadOnlyList<Reference> All { get; } =
    [
        Alghadir2018, DonoghueStokes2009, Berg1992, ThorbahnNewton1996, Muir2008, Tilson2012, Hayashi2022,
        ShumwayCook2000, Barry2014, Bohannon2006, Matsumoto2024,
        LewekSykes2019, Tilson2010, Bohannon2013, Perera2006, Perry1995, Schmid2007, Middleton2016, BohannonAndrews2011,
        Carter2019, Carter2020, Kapan2023, PoloFerrero2025, Kocaman2021, DeMark2023,
        FulkHe2018, EnrightSherrill1998,
        VanBloemendaal2019, FgaCommunityStroke, WrisleyKumar2010,
        LajoieGallagher2004,
        Romero2011, ShumwayCookBaldwin1997, ShumwayCookGruber1997,
        Mong2010, Tsang2013, Beauchamp2021,
        Chang2021, Rose2018, Alghadir2019, Nct07649863, Josr2023Protocol, Shen2021, BlttFrontNeurol2022, BlttMedRxiv2024,
        Nct02710773,
    ];

    private static readonly Dictionary<string, Reference> ByKey = All.ToDictionary(r => r.Key, StringComparer.Ordinal);

    /// <summary>The reference with this key, or null.</summary>
    public static Reference? Find(string key) => ByKey.GetValueOrDefault(key);
}
