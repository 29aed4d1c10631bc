package io.tenure.generator;

import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.SimulatedBill;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.subscriber.IdNumber;

import java.time.LocalDate;
import java.util.List;

/**
 * Generates one line (subscriber) at a time and writes every row it owns in all feeds: its bills,
 * usage, daily usage, services, complaints, surveys, portability events, contacts and finally its
 * snapshot row. All randomness comes from streams keyed by (seed, index), so a line's rows do not
 * depend on which worker writes it. The model and its constants are described in GENERATOR.md.
 */
final class LineSynth {
    // ---- four-high latent chains: P(prone) per tag (TARIFF, DATA, SILENCE, ARPU) and transitions ----
    static final double[] PRONE = {0.07, 0.085, 0.06, 0.04};
    static final double PRONE_STAY = 0.70;
    static final double PRONE_ENTER = 0.30;
    static final double BASE_STAY = 0.25;
    static final double BASE_ENTER = 0.003;
    static final double VAS_HEAVY = 0.010;
    static final double VAS_IDLE = 0.016;

    // ---- monthly port-out hazard: logit h = H0 + Σ coefficient × driver (drivers of the previous month) ----
    static final double H0 = -5.3;
    static final double H_OFFNET = 2.5;
    static final double H_RIVAL = 0.45;
    static final double H_UNRESOLVED = 1.0;
    static final double H_CONTRACT = 1.2;
    static final double H_FOURHIGH = 0.4;
    static final double H_NEW = 0.5;
    static final double RETAINED = 0.15;
    static final double CANCEL_MONTHLY = 0.0015;

    // ---- perception ----
    static final double COMPLAINT_BASE = 0.011;
    static final double COMPLAINT_FOURHIGH = 2.6;
    static final double SURVEY_MONTHLY = 0.035;
    static final double SCORE_BASE = 8.2;
    static final double SCORE_FOURHIGH = -1.5;

    private static final long STREAM_LINE = 0x4C494E45L;
    private static final long STREAM_FAMILY = 0x46414D49L;
    private static final long STREAM_GROUP = 0x47525550L;
    private static final long STREAM_PERSON = 0x50455253L;
    private static final long DAY = 86_400L;
    private static final long PORTABILITY_START = LocalDate.of(2019, 12, 1).toEpochDay();
    private static final long REAL_NAME_START = LocalDate.of(2013, 9, 1).toEpochDay();
    private static final long LEGACY_BEFORE = LocalDate.of(2018, 1, 1).toEpochDay();
    private static final double[] AGE_CUM = Rng.cumulative(14, 22, 22, 20, 14, 8);
    private static final int[] AGE_LO = {16, 25, 35, 45, 55, 65};
    private static final int[] AGE_HI = {24, 34, 44, 54, 64, 84};
    private static final double[] VOICE_MEDIAN = {60, 120, 170, 180, 140, 90};
    private static final double[] DATA_MEDIAN_GB = {20, 16, 10, 6, 3, 1.5};
    private static final int NONE = -1;
    private static final long NO_DATE = Long.MIN_VALUE;

    private final World w;
    private final Sinks out;
    private final Truth truth;
    private final List<Plan> plans;
    private final Rng rng = new Rng();
    private final Rng aux = new Rng();
    private final StringBuilder idDigits = new StringBuilder(18);
    private final int dataCard;
    private final int[] familyPlans;
    private final int aData5;
    private final int aData10;
    private final int aData30;
    private final int aData1L;
    private final int aData3L;
    private final int aVoice100;
    private final int aVoice300;
    private final int aVoice500;
    private final int aVoice200L;

    // ---- the line being generated ----
    private long index;
    private long block;
    private int famPos;
    private boolean inFamily;
    private int famSurname;
    private boolean famBroadband;
    private boolean famSecondLine;
    private int county;
    private boolean inGroup;
    private int groupNo;
    private int groupWord;
    private int groupIndustry;
    private int groupManager;
    private int groupDiscountPct;
    private boolean enterprise;
    private NumberPlan.Kind numberKind;
    private long msisdn;
    private long holder;
    private boolean male;
    private long birth;
    private int ageBand;
    private int surname;
    private int given1;
    private int given2;
    private int idCodeMigrant;
    private int idSeq;
    private long activation;
    private long portInDay;
    private double needV;
    private double needD;
    private double needSms;
    private final boolean[] prone = new boolean[4];
    private boolean vasHeavy;
    private boolean vasIdle;
    private int plan;
    private int combo;
    private Tariff tariff;
    private ContractKind contractKind;
    private long contractEnd;
    private long minSpend;
    private Contract contract;
    private boolean broadband;
    private boolean handset5g;
    private boolean dualSim;
    private boolean consent;
    private boolean optedOut;
    private boolean dnd;
    private boolean realName;
    private boolean arrearsFlag;
    private int vip;
    private int manager;
    private int preStatus;
    private long suspendDay;
    private double latent;
    private double offnetBase;
    private double rivalBase;
    private long discount;
    private final int[] vasSvc = new int[8];
    private final long[] vasOn = new long[8];
    private final int[] vasUses = new int[8];
    private final long[] vasLast = new long[8];
    private int vasCount;
    private final int[] states;
    private final int[] tagMask;
    private final int[] plantedMask;
    private final boolean[] billed;
    private long exitDay;
    private long lastUnresolvedDay;
    private long lastCallDay;
    private int complaintSeq;
    private int surveySeq;
    private int mnpSeq;
    private long lastBillTotal;
    private long prevBillTotal;
    /** Off-net share and rival hotline calls of the last closed month: the next month's hazard drivers. */
    private double lastShare;
    private int lastRival;

    // ---- the month being generated ----
    private long mVoice;
    private long mData;
    private long mSms;
    private long mRoamMin;
    private long mRoamFee;
    private long mIddMin;
    private long mIddFee;
    private long mRoamRate;
    private long mIddRate;
    private long bVoiceOver;
    private long bDataOver;
    private long bSmsOver;
    private long bTopup;
    private long bVas;
    private long bDomestic;
    private long bTotal;
    private Usage mUsage;
    private final double[] dayVoice = new double[31];
    private final double[] dayData = new double[31];
    private final double[] daySms = new double[31];

    LineSynth(World w, Sinks out, Truth truth) {
        this.w = w;
        this.out = out;
        this.truth = truth;
        this.plans = w.catalog.plans;
        ProvinceCatalog c = w.catalog;
        dataCard = indexOfPlan("P4GL19");
        familyPlans = new int[] {indexOfPlan("P5GJ128"), indexOfPlan("P5GJ188"), indexOfPlan("P5GJ288")};
        aData5 = c.addonIndex("A_DATA5");
        aData10 = c.addonIndex("A_DATA10");
        aData30 = c.addonIndex("A_DATA30");
        aData1L = c.addonIndex("A_DATA1L");
        aData3L = c.addonIndex("A_DATA3L");
        aVoice100 = c.addonIndex("A_VOICE100");
        aVoice300 = c.addonIndex("A_VOICE300");
        aVoice500 = c.addonIndex("A_VOICE500");
        aVoice200L = c.addonIndex("A_VOICE200L");
        states = new int[w.months + 1];
        tagMask = new int[w.months];
        plantedMask = new int[w.months];
        billed = new boolean[w.months];
    }

    private int indexOfPlan(String id) {
        for (int p = 0; p < plans.size(); p++) {
            if (plans.get(p).id().value().equals(id)) {
                return p;
            }
        }
        throw new IllegalStateException(id);
    }

    /** Generates line {@code i} (0-based) and writes all its rows. */
    void generate(long i) {
        index = i;
        rng.reseed(w.seed, STREAM_LINE, i);
        household();
        number();
        customer();
        tenure();
        profile();
        choosePlan();
        chooseAddons();
        chooseContract();
        flags();
        services();
        history();
        writeServices();
        writeSubscriber();
        countTruth();
    }

    // =====================================================================================
    // static attributes
    // =====================================================================================

    /** Families are consecutive lines of a block of four: size, county, surname and bundle come from the block's stream. */
    private void household() {
        block = index >> 2;
        famPos = (int) (index & 3);
        aux.reseed(w.seed, STREAM_FAMILY, block);
        double r = aux.nextDouble();
        int size = r < 0.55 ? 0 : r < 0.77 ? 2 : r < 0.92 ? 3 : 4;
        long available = w.subscribers - block * 4;
        if (size > available) {
            size = (int) available;
        }
        if (size < 2) {
            size = 0;
        }
        int famCounty = aux.pick(w.countyCum);
        famSurname = aux.pick(w.surnameCum);
        famBroadband = aux.chance(0.65);
        famSecondLine = aux.chance(0.2);
        inFamily = famPos < size;
        county = inFamily ? famCounty : rng.pick(w.countyCum);
        inGroup = !inFamily && rng.chance(0.09);
        if (inGroup) {
            int groups = w.groupsPerCounty[county];
            double u = rng.nextDouble();
            groupNo = 1 + (int) (groups * u * u); // a few large groups, many small ones
            aux.reseed(w.seed, STREAM_GROUP, county * 100_000L + groupNo);
            groupWord = aux.nextInt(w.companyWords.length);
            groupIndustry = aux.nextInt(w.industries.length);
            groupManager = aux.between(1, 20);
            groupDiscountPct = aux.between(5, 15);
        }
        enterprise = inGroup && rng.chance(0.55);
    }

    private void number() {
        long position = w.numbers.position(index);
        numberKind = w.numbers.kind(position);
        msisdn = w.numbers.msisdn(position);
    }

    /** The account holder; a family's second line may belong to the head, so person data has its own stream. */
    private void customer() {
        holder = inFamily && famPos == 1 && famSecondLine ? block * 4 : index;
        if (enterprise) {
            ageBand = 2;
            return;
        }
        boolean head = holder == block * 4;
        aux.reseed(w.seed, STREAM_PERSON, holder);
        male = aux.chance(0.51);
        ageBand = aux.pick(AGE_CUM);
        int age = aux.between(AGE_LO[ageBand], AGE_HI[ageBand]);
        birth = w.asOf - (long) (age * 365.2425) - aux.nextInt(365);
        surname = inFamily && (head || aux.chance(0.55)) ? famSurname : aux.pick(w.surnameCum);
        byte[][] chars = male ? w.maleChars : w.femaleChars;
        given1 = aux.nextInt(chars.length);
        given2 = aux.chance(0.7) ? aux.nextInt(chars.length) : NONE;
        idCodeMigrant = aux.chance(w.migrantHub[county] ? 0.30 : 0.10) ? aux.nextInt(w.migrantCodes.length) : NONE;
        idSeq = aux.nextInt(500) * 2 + (male ? 1 : 0);
    }

    private void tenure() {
        double r = rng.nextDouble();
        long days = r < 0.12 ? rng.between(1, 365) : r < 0.32 ? rng.between(366, 1095)
                : r < 0.57 ? rng.between(1096, 2555) : rng.between(2556, 5478);
        activation = w.asOf - days;
        // a number from another operator's range came by porting, which exists since 2019-12-01
        boolean portedIn = (numberKind == NumberPlan.Kind.PORTED_CUCC || numberKind == NumberPlan.Kind.PORTED_CTCC
                || numberKind == NumberPlan.Kind.PORTED_CBN) && w.asOf > PORTABILITY_START + 1;
        if (portedIn && activation < PORTABILITY_START) {
            long from = Math.max(PORTABILITY_START, w.asOf - 5478);
            activation = from + rng.nextInt((int) Math.max(1, w.asOf - from));
        }
        if (!enterprise) {
            long adult = birth + 16 * 365 + 4;
            if (activation < adult) {
                activation = Math.min(w.asOf - 1, adult + rng.nextInt((int) Math.max(1, w.asOf - adult)));
            }
        }
        portInDay = portedIn ? activation : NONE;
    }

    private void profile() {
        double voiceMedian = VOICE_MEDIAN[ageBand] * (enterprise ? 1.5 : 1.0);
        needV = rng.logNormal(voiceMedian, 0.7);
        needD = rng.logNormal(DATA_MEDIAN_GB[ageBand], 0.75) * ProvinceCatalog.GB;
        needSms = rng.logNormal(6, 0.9);
        for (int t = 0; t < 4; t++) {
            prone[t] = rng.chance(PRONE[t]);
        }
        vasHeavy = rng.chance(VAS_HEAVY);
        vasIdle = rng.chance(VAS_IDLE);
        latent = rng.gaussian();
        double share = 0.08 + 0.5 * Math.pow(rng.nextDouble(), 1.4);
        if (portNumber()) {
            share += 0.15; // friends and family still on the old network
        }
        if (inFamily) {
            share -= 0.06;
        }
        offnetBase = Math.min(0.92, Math.max(0.02, share));
        rivalBase = 0.05 * Math.exp(0.8 * latent);
    }

    private boolean portNumber() {
        return portInDay != NONE;
    }

    private void choosePlan() {
        int[] ladder = w.catalog.publishedByFee;
        if (prone[FourHighRules.ARPU]) {
            // overpayers: a dear plan (legacy for old lines), used far below its allowance in the months planted
            if (activation < LEGACY_BEFORE && rng.chance(0.3)) {
                plan = indexOfPlan(rng.chance(0.5) ? "PL4G138" : rng.chance(0.6) ? "PL4G188" : "PL5G128");
                return;
            }
            int first = 0;
            while (plans.get(ladder[first]).monthlyFeeCents() < 12800) {
                first++;
            }
            int span = ladder.length - first;
            double u = rng.nextDouble();
            plan = ladder[first + (int) (span * u * u)];
            return;
        }
        if (activation < LEGACY_BEFORE && ageBand >= 3 && rng.chance(0.30)) {
            int[] legacy = w.catalog.legacy;
            plan = legacy[legacy.length - 1];
            for (int p : legacy) {
                Plan lp = plans.get(p);
                if (lp.network() == Network.G4 && lp.voiceMin() >= needV * 0.8) {
                    plan = p;
                    break;
                }
            }
            return;
        }
        if (needV < 15 && rng.chance(0.25)) {
            plan = dataCard;
            return;
        }
        if (inFamily && famPos == 0 && rng.chance(0.35)) {
            plan = familyPlans[needD > 60 * ProvinceCatalog.GB ? 2 : needD > 30 * ProvinceCatalog.GB ? 1 : 0];
            return;
        }
        double headroom = rng.uniform(0.9, 1.25);
        int pos = ladder.length - 1;
        for (int j = 0; j < ladder.length; j++) {
            Plan p = plans.get(ladder[j]);
            if (ladder[j] != dataCard && p.voiceMin() >= needV * headroom && p.dataMb() >= needD * headroom) {
                pos = j;
                break;
            }
        }
        double r = rng.nextDouble();
        int step = r < 0.15 ? 1 : r < 0.20 ? 2 : r < 0.28 ? -1 : 0;
        pos = Math.max(0, Math.min(ladder.length - 1, pos + step));
        if (ladder[pos] == dataCard) {
            pos = Math.min(ladder.length - 1, pos + 1);
        }
        plan = ladder[pos];
    }

    private void chooseAddons() {
        Plan p = plans.get(plan);
        boolean legacy = !p.published();
        int data = NONE;
        int voice = NONE;
        double dataGap = needD - p.dataMb();
        if ((dataGap > 0 && rng.chance(0.45)) || rng.chance(0.06)) {
            if (legacy && rng.chance(0.6)) {
                data = dataGap < 2 * ProvinceCatalog.GB ? aData1L : aData3L;
            } else {
                data = dataGap <= 5 * ProvinceCatalog.GB ? aData5 : dataGap <= 10 * ProvinceCatalog.GB ? aData10 : aData30;
            }
        }
        double voiceGap = needV - p.voiceMin();
        if ((voiceGap > 0 && rng.chance(0.35)) || rng.chance(0.03)) {
            if (legacy && rng.chance(0.5)) {
                voice = aVoice200L;
            } else {
                voice = voiceGap <= 100 ? aVoice100 : voiceGap <= 300 ? aVoice300 : aVoice500;
            }
        }
        if (data != NONE && voice != NONE) {
            combo = w.catalog.combo(data, voice);
        } else if (data != NONE) {
            combo = w.catalog.combo(data);
        } else if (voice != NONE) {
            combo = w.catalog.combo(voice);
        } else {
            combo = 0;
        }
        tariff = w.catalog.tariffs[plan][combo];
    }

    private void chooseContract() {
        contractKind = null;
        contractEnd = NO_DATE;
        minSpend = 0;
        if (prone[FourHighRules.ARPU]) {
            // overpayers hold no active agreement (it would forbid the cheaper plan); some an expired one
            if (rng.chance(0.3)) {
                contractKind = ContractKind.values()[rng.nextInt(3)];
                contractEnd = Math.max(activation + 365, w.windowStart - rng.between(1, 400));
                if (contractEnd >= w.windowStart) {
                    contractKind = null;
                    contractEnd = NO_DATE;
                }
            }
        } else {
            double r = rng.nextDouble();
            contractKind = r < 0.12 ? ContractKind.HANDSET : r < 0.21 ? ContractKind.MIN_SPEND : r < 0.30 ? ContractKind.BUNDLE : null;
            if (contractKind != null) {
                double e = rng.nextDouble();
                contractEnd = e < 0.15 ? w.asOf + rng.between(0, 45)
                        : e < 0.40 ? w.asOf - rng.between(1, 240) : w.asOf + rng.between(46, 730);
                if (contractEnd - 365 < activation) {
                    contractEnd = activation + rng.between(365, 730); // a term starts on or after activation
                }
                if (contractKind == ContractKind.MIN_SPEND) {
                    double m = rng.nextDouble();
                    long fixed = tariff.fixedFeeCents();
                    minSpend = m < 0.65 ? plans.get(plan).monthlyFeeCents()
                            : m < 0.88 ? fixed + rng.between(5, 19) * 100L : fixed + rng.between(20, 60) * 100L;
                }
            }
        }
        contract = contractKind == null ? Contract.NONE
                : new Contract(contractKind, LocalDate.ofEpochDay(contractEnd), minSpend);
    }

    private void flags() {
        Plan p = plans.get(plan);
        broadband = inFamily ? famBroadband : contractKind == ContractKind.BUNDLE || rng.chance(0.22);
        handset5g = p.network() == Network.G5 ? rng.chance(0.9) : rng.chance(0.4);
        dualSim = rng.chance(0.28);
        consent = rng.chance(0.70);
        optedOut = false;
        dnd = rng.chance(0.05);
        realName = !(activation < REAL_NAME_START && rng.chance(0.06));
        arrearsFlag = rng.chance(0.02);
        double years = (w.asOf - activation) / 365.25;
        double score = Math.log(tariff.fixedFeeCents() / 5000.0) + 0.10 * years + 0.5 * rng.gaussian();
        vip = score > 2.6 ? 3 : score > 2.1 ? 2 : score > 1.6 ? 1 : 0;
        manager = inGroup ? groupManager : vip >= 2 ? rng.between(1, 20) : NONE;
        double r = rng.nextDouble();
        preStatus = r < 0.03 ? 1 : r < 0.036 ? 2 : 0;
        suspendDay = w.asOf - rng.between(1, 45);
        if (preStatus != 0 && suspendDay <= activation + 30) {
            preStatus = 0;
        }
        long planFee = p.monthlyFeeCents();
        long d = 0;
        if (inFamily && famPos > 0) {
            d += 1000; // 副卡优惠
        }
        if (broadband && planFee >= 3900) {
            d += 1000; // 融合优惠
        }
        if (inGroup) {
            d += planFee * groupDiscountPct / 100;
        }
        discount = Math.min(planFee, d);
    }

    /** Value-added services; planted: idle paid services (silence) and heavy subscriptions (ARPU route c). */
    private void services() {
        vasCount = 0;
        long paid = 0;
        if (vasIdle && activation <= w.windowStart - 120) {
            int s = Vocabulary.IDLE_PRONE[rng.nextInt(Vocabulary.IDLE_PRONE.length)];
            long on;
            if (rng.chance(0.75) || w.monthEnd[w.months - 1] - 61 <= w.windowStart) {
                on = activation + 30 + rng.nextInt((int) Math.max(1, w.windowStart - 60 - activation));
            } else {
                on = w.windowStart + rng.nextInt((int) (w.monthEnd[w.months - 1] - 61 - w.windowStart));
            }
            for (int k = 0; k < w.months; k++) {
                if (Math.abs(on - (w.monthEnd[k] - FourHighRules.VAS_IDLE_DAYS)) <= 1) {
                    on -= 3; // keep clear of the 60-day boundary so that any reading of the rule agrees
                }
            }
            long last = rng.chance(0.65) || on > w.asOf - 31 ? NO_DATE : on + rng.nextInt((int) (w.asOf - 31 - on + 1));
            addService(s, on, 0, last);
            paid += w.serviceFee[s];
        }
        if (vasHeavy) {
            long on = rng.chance(0.7) || w.monthEnd[w.months - 1] <= w.windowStart
                    ? activation + rng.nextInt((int) Math.max(1, w.windowStart - activation))
                    : w.windowStart + rng.nextInt((int) (w.monthEnd[w.months - 1] - w.windowStart));
            on = Math.max(on, activation);
            addUsedService(Vocabulary.SUPER, on);
            paid += w.serviceFee[Vocabulary.SUPER];
        }
        int n = Math.min(3, rng.poisson(0.8));
        for (int j = 0; j < n; j++) {
            int s = rng.nextInt(Vocabulary.SUPER);
            if (hasService(s) || (!vasHeavy && paid + w.serviceFee[s] >= FourHighRules.VAS_MIN_CENTS)) {
                continue;
            }
            long on = activation + rng.nextInt((int) Math.max(1, w.asOf - activation));
            if (w.serviceFee[s] == 0 && rng.chance(0.5)) {
                addService(s, on, 0, NO_DATE);
            } else {
                addUsedService(s, on);
            }
            paid += w.serviceFee[s];
        }
    }

    private boolean hasService(int s) {
        for (int j = 0; j < vasCount; j++) {
            if (vasSvc[j] == s) {
                return true;
            }
        }
        return false;
    }

    private void addUsedService(int s, long on) {
        long last = Math.max(on, w.asOf - rng.between(1, 30));
        addService(s, on, 1 + rng.geometric(6), last);
    }

    private void addService(int s, long on, int uses, long last) {
        vasSvc[vasCount] = s;
        vasOn[vasCount] = on;
        vasUses[vasCount] = uses;
        vasLast[vasCount] = last;
        vasCount++;
    }

    private long vasFee(int k) {
        long fee = 0;
        for (int j = 0; j < vasCount; j++) {
            if (vasOn[j] <= w.monthEnd[k]) {
                fee += w.serviceFee[vasSvc[j]];
            }
        }
        return fee;
    }

    private boolean vasIdleAt(int k) {
        for (int j = 0; j < vasCount; j++) {
            if (w.serviceFee[vasSvc[j]] > 0 && vasUses[j] == 0 && vasOn[j] <= w.monthEnd[k] - FourHighRules.VAS_IDLE_DAYS) {
                return true;
            }
        }
        return false;
    }

    // =====================================================================================
    // history: months of the window, then the as-of month to date
    // =====================================================================================

    private void history() {
        exitDay = NO_DATE;
        lastUnresolvedDay = NO_DATE;
        lastCallDay = NO_DATE;
        complaintSeq = 0;
        surveySeq = 0;
        mnpSeq = 0;
        lastBillTotal = 0;
        prevBillTotal = 0;
        java.util.Arrays.fill(tagMask, 0);
        java.util.Arrays.fill(billed, false);
        if (portInDay != NONE && portInDay >= w.windowStart && portInDay < w.asOf) {
            long t = portInDay * DAY + rng.between(10, 19) * 3600L;
            mnp(t, Tokens.PORT_IN, counterpartOfNumber(), rng.chance(0.5) ? Tokens.STORE : Tokens.APP, null);
        }
        double prevShare = -1;
        int prevRival = 0;
        boolean prevTag = false;
        int prevState = -1;
        for (int k = 0; k <= w.months; k++) {
            long start = w.monthStart[k];
            long end = k == w.months ? w.asOf - 1 : w.monthEnd[k];
            if (activation > end || end < start) {
                continue;
            }
            states[k] = nextStates(prevState);
            prevState = states[k];
            if (activation < start) {
                if (prevShare < 0) {
                    // lines already in service before the window: drivers of the unobserved month before
                    prevShare = share();
                    prevRival = rng.poisson(rivalBase);
                }
                hazard(k, prevShare, prevRival, prevTag);
            }
            long first = Math.max(start, activation);
            long last = exitDay != NO_DATE ? Math.min(exitDay, end) : end;
            if (k < w.months) {
                double f = (last - first + 1) / (double) w.daysInMonth[k];
                closedMonth(k, first, last, f);
                prevShare = lastShare;
                prevRival = lastRival;
                prevTag = tagMask[k] != 0;
            } else {
                monthToDate(first, last);
                events(k, first, last, 0);
            }
            if (exitDay != NO_DATE) {
                break;
            }
        }
    }

    private int nextStates(int prev) {
        int s = 0;
        for (int t = 0; t < 4; t++) {
            boolean on;
            if (prev < 0) {
                on = rng.chance(prone[t] ? 0.5 : 0.004);
            } else {
                boolean was = (prev & (1 << t)) != 0;
                on = rng.chance(prone[t] ? (was ? PRONE_STAY : PRONE_ENTER) : (was ? BASE_STAY : BASE_ENTER));
            }
            if (on) {
                s |= 1 << t;
            }
        }
        return s;
    }

    private double share() {
        return Math.min(0.98, Math.max(0.0, offnetBase + 0.06 * rng.gaussian()));
    }

    // ---- portability and cancellation ----

    private void hazard(int k, double share, int rival, boolean fourHigh) {
        long start = w.monthStart[k];
        long lastDay = Math.min(w.monthEnd[k], w.asOf - 1);
        if (lastDay < start) {
            return;
        }
        boolean unresolved = lastUnresolvedDay != NO_DATE && lastUnresolvedDay >= start - 90;
        boolean expiry = contractKind != null && contractEnd >= start - 90 && contractEnd < start + 30;
        boolean fresh = start - activation < 365;
        double logit = H0 + H_OFFNET * share + H_RIVAL * Math.min(rival, 5) + (unresolved ? H_UNRESOLVED : 0)
                + (expiry ? H_CONTRACT : 0) + (fourHigh ? H_FOURHIGH : 0) + (fresh ? H_NEW : 0);
        double h = 1.0 / (1.0 + Math.exp(-logit));
        double exposure = (lastDay - start + 1) / (double) w.daysInMonth[k];
        long portFrom = Math.max(start, PORTABILITY_START);
        double portExposure = Math.max(0, lastDay - portFrom + 1) / (double) w.daysInMonth[k];
        truth.atRisk[k]++;
        if (portExposure > 0 && rng.chance(h * portExposure)) {
            attemptPort(k, portFrom, lastDay);
        } else if (portExposure > 0 && rng.chance(queryRate(start) * portExposure)) {
            long day = portFrom + rng.nextInt((int) (lastDay - portFrom + 1));
            String fail = failReason(day);
            mnp(at(day, 8, 22), Tokens.QUERY, null, queryChannel(),
                    fail == null ? null : w.queryFailReasons[failIndex(fail)]);
        }
        if (exitDay == NO_DATE && rng.chance(CANCEL_MONTHLY * exposure)) {
            exitDay = start + rng.nextInt((int) (lastDay - start + 1));
            truth.cancellations++;
        }
    }

    /** Monthly rate of eligibility queries without a port: curiosity, or a contract about to end. */
    private double queryRate(long start) {
        return contractKind != null && contractEnd >= start && contractEnd < start + 45 ? 0.02 : 0.002;
    }

    private void attemptPort(int k, long start, long lastDay) {
        truth.portAttempts++;
        long day = start + rng.nextInt((int) (lastDay - start + 1));
        if (contractKind != null && contractEnd >= day && contractEnd < lastDay) {
            day = contractEnd + 1 + rng.nextInt((int) (lastDay - contractEnd)); // waits for the term to end
        }
        String fail = failReason(day);
        if (fail != null) {
            truth.blockedQueries++;
            mnp(at(day, 8, 22), Tokens.QUERY, null, queryChannel(), w.queryFailReasons[failIndex(fail)]);
            return;
        }
        long queryDay = day - rng.between(1, 20);
        boolean query = rng.chance(0.65) && queryDay >= Math.max(Math.max(w.windowStart, activation), PORTABILITY_START);
        if (query) {
            long qt = at(queryDay, 8, 22);
            mnp(qt, Tokens.QUERY, null, queryChannel(), null);
            retentionCall(qt);
        }
        long auth = at(day, 9, 21);
        mnp(auth, Tokens.AUTH_CODE, null, rng.chance(0.85) ? Tokens.SMS : Tokens.APP, null);
        if (rng.chance(RETAINED)) {
            truth.retained++;
            mnp(auth + rng.between(300, 3000), Tokens.CANCELLED_EVENT, null, Tokens.SMS,
                    w.retainReasons[rng.nextInt(w.retainReasons.length)]);
            return;
        }
        // executes at the next full hour after the port-in operator completes
        long done = auth + rng.between(300, 3000);
        long port = (done / 3600 + 1) * 3600;
        byte[] reason = rng.chance(0.6) ? w.portReasons[rng.nextInt(w.portReasons.length)] : null;
        double c = rng.nextDouble();
        mnp(port, Tokens.PORT_OUT, c < 0.45 ? Tokens.CUCC : c < 0.9 ? Tokens.CTCC : Tokens.CBN, Tokens.SMS, reason);
        exitDay = day;
        truth.portOuts[k]++;
    }

    /** The first failed condition of rules §3 on that day, or null when the number may port. */
    private String failReason(long day) {
        if (contractKind != null && contractEnd >= day) {
            return Vocabulary.QUERY_FAIL_REASONS.get(0);
        }
        if (arrearsFlag || (preStatus != 0 && suspendDay <= day)) {
            return Vocabulary.QUERY_FAIL_REASONS.get(1);
        }
        if (enterprise || !realName) {
            return Vocabulary.QUERY_FAIL_REASONS.get(2);
        }
        if (portInDay != NONE && day - portInDay < 120) {
            return Vocabulary.QUERY_FAIL_REASONS.get(3);
        }
        if (numberKind == NumberPlan.Kind.MVNO || numberKind == NumberPlan.Kind.SATELLITE || numberKind == NumberPlan.Kind.IOT) {
            return Vocabulary.QUERY_FAIL_REASONS.get(4);
        }
        return null;
    }

    private static int failIndex(String reason) {
        return Vocabulary.QUERY_FAIL_REASONS.indexOf(reason);
    }

    private byte[] queryChannel() {
        double c = rng.nextDouble();
        return c < 0.7 ? Tokens.SMS : c < 0.9 ? Tokens.APP : Tokens.STORE;
    }

    private byte[] counterpartOfNumber() {
        return switch (numberKind) {
            case PORTED_CUCC -> Tokens.CUCC;
            case PORTED_CTCC -> Tokens.CTCC;
            default -> Tokens.CBN;
        };
    }

    /** The query is a retention moment: a call with a published offer, only where contact is allowed. */
    private void retentionCall(long queryTime) {
        if (!marketingAllowed() || !rng.chance(0.5)) {
            return;
        }
        long t = queryTime + rng.between(3600, 3 * 3600);
        long sec = Math.floorMod(t, DAY);
        if (sec >= 21 * 3600 || sec < 8 * 3600) {
            t = (Math.floorDiv(t, DAY) + 1) * DAY + rng.between(9 * 3600, 11 * 3600); // quiet hours: deferred
        }
        long day = Math.floorDiv(t, DAY);
        if (t >= w.asOf * DAY || (lastCallDay != NO_DATE && day - lastCallDay < 30)) {
            return; // one marketing call per 30 days, retention included
        }
        lastCallDay = day;
        out.contacts.id('S', index + 1, 9).timestamp(t).bytes(Tokens.CALL).bytes(Tokens.MARKETING)
                .bytes(Tokens.RETAIN).bytes(w.campaignActions[rng.nextInt(w.campaignActions.length)])
                .bytes(rng.chance(0.3) ? Tokens.ACCEPTED : Tokens.DECLINED);
        out.contacts.end();
    }

    private void mnp(long time, byte[] type, byte[] counterpart, byte[] channel, byte[] reason) {
        out.mnp.begin().and(Tokens.MNP).andPadded(index + 1, 9).andChar('-').andNum(++mnpSeq)
                .num(msisdn).timestamp(time).bytes(type).bytesOrEmpty(counterpart).bytes(channel).bytesOrEmpty(reason);
        out.mnp.end();
    }

    // ---- a closed month: usage, bill, tags, events ----

    private void closedMonth(int k, long first, long last, double f) {
        int st = states[k];
        Plan p = tariff.plan();
        long allowV = tariff.voiceAllowance();
        long allowD = tariff.dataAllowanceMb();
        long tenureDays = w.monthEnd[k] - activation;
        boolean dState = (st & 2) != 0;
        boolean sState = (st & 4) != 0 && !dState && p.voiceMin() > 0 && p.dataMb() > 0 && tenureDays >= 92;
        int target = w.arpuTarget[plan][combo];
        boolean aState = (st & 8) != 0 && !dState && target != NONE && !contractBinds(k);
        boolean tState = (st & 1) != 0;

        double v = needV * rng.logNormal(1, 0.25);
        double d = needD * rng.logNormal(1, 0.3);
        double s = needSms * rng.logNormal(1, 0.5);
        if (sState) {
            v = allowV * rng.uniform(0, 0.17);
            d = allowD * rng.uniform(0.003, 0.17);
            s = Math.min(s, 5);
        } else if (aState) {
            Plan q = plans.get(target);
            v = q.voiceMin() * rng.uniform(0.45, 0.95);
            d = q.dataMb() * rng.uniform(0.45, 0.95);
            s = Math.min(s, 20);
        }
        long rate = p.dataRatePerGbCents();
        long minStarted = (FourHighRules.DATA_MIN_CENTS + rate - 1) / rate;
        if (dState) {
            d = allowD + (minStarted - 1 + rng.geometric(2.0) + rng.uniform(0.05, 1.0)) * ProvinceCatalog.GB;
        } else {
            long maxStarted = (FourHighRules.DATA_MIN_CENTS - 1) / rate;
            double cap = allowD + maxStarted * (double) ProvinceCatalog.GB;
            if (d > cap) {
                d = allowD + maxStarted * ProvinceCatalog.GB * rng.uniform(0.2, 0.98);
            }
        }
        // occasional travel and international calls, kept small unless planted
        mRoamMin = 0;
        mRoamFee = 0;
        mIddMin = 0;
        mIddFee = 0;
        mRoamRate = 199;
        mIddRate = 150;
        if (rng.chance(vip >= 2 ? 0.05 : 0.015)) {
            mRoamRate = rng.chance(0.5) ? 99 : 199;
            mRoamMin = Math.min(1 + rng.geometric(6), 1000 / mRoamRate);
            mRoamFee = mRoamMin * mRoamRate;
        }
        if (rng.chance(0.01)) {
            mIddMin = Math.min(1 + rng.geometric(4), 1000 / mIddRate);
            mIddFee = mIddMin * mIddRate;
        }
        long voiceRate = p.voiceRateCents();
        if (!tState) {
            long maxOver = (FourHighRules.TARIFF_MIN_CENTS - 1 - mRoamFee - mIddFee) / voiceRate;
            if (v > allowV + maxOver) {
                v = allowV + maxOver * rng.uniform(0.2, 0.98);
            }
        }
        v *= f;
        d *= f;
        s *= f;
        mVoice = Math.round(v);
        mData = Math.round(d * 1000) * 1000;
        mSms = Math.round(s);
        if (!sState && FourHighRules.silentUsage(tariff, mVoice, mData)) {
            mData = Math.round(allowD * rng.uniform(0.21, 0.45) * 1000) * 1000;
        }
        bVas = vasFee(k);
        bill(k);
        if (tState) {
            realiseHighTariff(k, sState, allowV, voiceRate);
        }
        if (!aState && !sState && bTopup < FourHighRules.TOPUP_MIN_CENTS && bVas < FourHighRules.VAS_MIN_CENTS) {
            steerFromOverpaying(k, allowV, allowD, dState, minStarted);
        }
        int tags = evaluateTags(k, tenureDays);
        tagMask[k] = tags;
        plantedMask[k] = (tState ? 1 : 0) | (dState ? 2 : 0)
                | (sState || (vasIdleAt(k) && tenureDays >= FourHighRules.SILENCE_TENURE_DAYS) ? 4 : 0)
                | (aState || bVas >= FourHighRules.VAS_MIN_CENTS
                || (contractKind == ContractKind.MIN_SPEND && contractBinds(k)
                && minSpend - tariff.fixedFeeCents() >= FourHighRules.TOPUP_MIN_CENTS) ? 8 : 0);
        billed[k] = true;
        prevBillTotal = lastBillTotal;
        lastBillTotal = bTotal;

        writeMonth(k, first, last, f, tags, sState);
    }

    /** Raises voice overage, roaming or IDD until HIGH_TARIFF holds (the bill is recomputed each time). */
    private void realiseHighTariff(int k, boolean silent, long allowV, long voiceRate) {
        int mech = silent ? (rng.chance(0.6) ? 1 : 2) : rng.nextDouble() < 0.6 ? 0 : rng.chance(0.6) ? 1 : 2;
        long passDays = 0;
        for (int it = 0; it < 8 && !FourHighRules.highTariff(bVoiceOver, mRoamFee, mIddFee, bTotal); it++) {
            long sum = bVoiceOver + mRoamFee + mIddFee;
            long rest = bTotal - sum;
            long want = (long) (Math.max(FourHighRules.TARIFF_MIN_CENTS, (rest + 2) / 3) * rng.uniform(1.05, 1.6));
            long add = Math.max(100, want - sum);
            if (mech == 0) {
                mVoice = Math.max(mVoice, allowV) + (add + voiceRate - 1) / voiceRate;
            } else if (mech == 1) {
                passDays += (add * 6 / 10 + 2499) / 2500; // 日租包 25 yuan a day
                mRoamMin += (add * 4 / 10 + mRoamRate - 1) / mRoamRate;
                mRoamFee = mRoamMin * mRoamRate + passDays * 2500;
            } else {
                mIddRate = 360;
                mIddMin = (mIddFee + add + mIddRate - 1) / mIddRate;
                mIddFee = mIddMin * mIddRate;
            }
            bill(k);
        }
    }

    /**
     * A month not planted as HIGH_ARPU that looks overpaying: the line uses what it bought (even in a
     * first, partial month), raised in three steps towards the allowance, so no cheaper plan fits.
     */
    private void steerFromOverpaying(int k, long allowV, long allowD, boolean dState, long minStarted) {
        for (int it = 0; it < 3 && w.rules.overpaying(bDomestic, tariff, mUsage, contract, w.monthEndDate[k]); it++) {
            double low = 0.8 + 0.1 * it;
            if (mVoice < allowV) {
                mVoice = Math.max(mVoice, Math.round(allowV * rng.uniform(low, 1.0)));
            }
            if (mData < allowD * Usage.MICROS_PER_MB) {
                mData = Math.max(mData, Math.round(allowD * rng.uniform(low, 1.0) * 1000) * 1000);
            } else if (dState) {
                mData = Math.min(mData, Math.round((allowD + (minStarted - 0.5) * ProvinceCatalog.GB) * 1000) * 1000);
            }
            bill(k);
        }
    }

    /** Rules §2 on the month about to be written. */
    private int evaluateTags(int k, long tenureDays) {
        int tags = 0;
        if (FourHighRules.highTariff(bVoiceOver, mRoamFee, mIddFee, bTotal)) {
            tags |= 1;
        }
        if (FourHighRules.highData(bDataOver)) {
            tags |= 2;
        }
        if (tenureDays >= FourHighRules.SILENCE_TENURE_DAYS
                && (FourHighRules.silentUsage(tariff, mVoice, mData) || vasIdleAt(k))) {
            tags |= 4;
        }
        if (w.rules.highArpu(bDomestic, bTopup, bVas, tariff, mUsage, contract, w.monthEndDate[k])) {
            tags |= 8;
        }
        return tags;
    }

    /** The bill and usage rows of the month, and its events. */
    private void writeMonth(int k, long first, long last, double f, int tags, boolean silent) {
        Plan plan0 = tariff.plan();
        out.bills.id('S', index + 1, 9).bytes(w.monthField[k]).money(plan0.monthlyFeeCents())
                .money(tariff.fixedFeeCents() - plan0.monthlyFeeCents()).money(bVoiceOver).money(bDataOver)
                .money(bSmsOver).moneyOrEmpty(mRoamFee).moneyOrEmpty(mIddFee).money(bVas).money(bTopup)
                .money(discount).money(bTotal);
        out.bills.end();

        int complaintsViaHotline = events(k, first, last, tags);
        long inService = last - first + 1;
        boolean quiet = silent || mVoice + mData / Usage.MICROS_PER_MB == 0;
        long activeDays = mVoice + mData + mSms == 0 ? 0
                : Math.max(1, Math.round(inService * (quiet ? rng.uniform(0.05, 0.5) : rng.uniform(0.75, 1.0))));
        lastShare = share();
        boolean ending = contractKind != null && contractEnd >= w.monthStart[k] && contractEnd < w.monthEnd[k] + 60;
        lastRival = rng.poisson(rivalBase * (1 + (ending ? 3 : 0) + (tags != 0 ? 1.5 : 0)) * f);
        int ownHotline = rng.poisson(0.15 * f * (tags != 0 ? 3 : 1)) + complaintsViaHotline;
        out.usage.id('S', index + 1, 9).bytes(w.monthField[k]).num(mVoice).megabytes(mData).num(mSms)
                .num(Math.round(mVoice * lastShare)).num(mRoamMin).num(mIddMin).num(activeDays).num(lastRival)
                .num(ownHotline);
        out.usage.end();
    }

    /** HANDSET/BUNDLE forbid cheaper plans and MIN_SPEND floors them while active at month end. */
    private boolean contractBinds(int k) {
        return contractKind != null && contractEnd >= w.monthEnd[k];
    }

    private void bill(int k) {
        mUsage = new Usage(mVoice, mData, mSms);
        SimulatedBill sim = BillSimulator.simulate(tariff, mUsage);
        bVoiceOver = sim.voiceOverageCents();
        bDataOver = sim.dataOverageCents();
        bSmsOver = sim.smsOverageCents();
        long cost = sim.totalCents();
        bTopup = contract.applyFloor(cost, w.monthEndDate[k]) - cost;
        bDomestic = cost + bTopup;
        bTotal = bDomestic + mRoamFee + mIddFee + bVas - discount;
    }

    // ---- the as-of month: month-to-date daily usage ----

    private void monthToDate(long first, long last) {
        int n = w.months;
        if (w.dailyDays == 0) {
            return;
        }
        long lastRow = last;
        if (preStatus != 0 && exitDay == NO_DATE) {
            lastRow = Math.min(lastRow, suspendDay - 1);
        }
        if (lastRow < first) {
            return;
        }
        int st = states[n];
        boolean dState = (st & 2) != 0;
        boolean tState = (st & 1) != 0;
        Plan p = tariff.plan();
        long allowV = tariff.voiceAllowance();
        long allowD = tariff.dataAllowanceMb();
        long rate = p.dataRatePerGbCents();
        long voiceRate = p.voiceRateCents();
        double v = needV * rng.logNormal(1, 0.25);
        double d = needD * rng.logNormal(1, 0.3);
        double s = needSms * rng.logNormal(1, 0.5);
        long minStarted = (FourHighRules.DATA_MIN_CENTS + rate - 1) / rate;
        if (dState) {
            d = allowD + (minStarted - 1 + rng.geometric(1.5) + rng.uniform(0.4, 0.9)) * ProvinceCatalog.GB;
        } else {
            long maxStarted = (FourHighRules.DATA_MIN_CENTS - 1) / rate;
            if (d > allowD + maxStarted * (double) ProvinceCatalog.GB) {
                d = allowD + maxStarted * ProvinceCatalog.GB * rng.uniform(0.2, 0.9);
            }
        }
        long minOver = (FourHighRules.TARIFF_MIN_CENTS + voiceRate - 1) / voiceRate;
        if (tState) {
            v = allowV + minOver * rng.uniform(1.2, 2.0);
        } else if (v > allowV + (minOver - 1)) {
            v = allowV + (minOver - 1) * rng.uniform(0.2, 0.9);
        }
        int dim = w.daysInMonth[n];
        int days = (int) (lastRow - first + 1);
        for (int j = 0; j < days; j++) {
            // mean-one day weights without transcendental functions: this loop runs for every day of every line
            double weight = rng.chance(0.08) ? 0 : (rng.nextDouble() + rng.nextDouble() + rng.nextDouble()) * (2.0 / 3.0) / 0.92;
            dayVoice[j] = v / dim * weight;
            dayData[j] = d / dim * weight;
            daySms[j] = s / dim * weight;
        }
        // steer the projection of rules §2 to the planted state: exact integer test, then rescale
        double fv = 1.0;
        double fd = 1.0;
        long dd = w.dailyDays;
        for (int it = 0; it < 40; it++) {
            long mtdV = 0;
            long mtdD = 0;
            for (int j = 0; j < days; j++) {
                mtdV += Math.round(dayVoice[j] * fv);
                mtdD += Math.round(dayData[j] * fd * 1000) * 1000;
            }
            boolean ewT = (mtdV * dim - allowV * dd) * voiceRate >= FourHighRules.TARIFF_MIN_CENTS * dd;
            boolean ewD = projectedStartedGb(mtdD, allowD, dim, dd) * rate >= FourHighRules.DATA_MIN_CENTS;
            boolean ok = true;
            if (ewT != tState && (mtdV > 0 || !tState)) {
                fv *= tState ? 1.25 : 0.85;
                ok = false;
            }
            if (ewD != dState && (mtdD > 0 || !dState)) {
                fd *= dState ? 1.25 : 0.85;
                ok = false;
            }
            if (ok) {
                break;
            }
        }
        long mtdV = 0;
        long mtdD = 0;
        for (int j = 0; j < days; j++) {
            long vv = Math.round(dayVoice[j] * fv);
            long dm = Math.round(dayData[j] * fd * 1000) * 1000;
            mtdV += vv;
            mtdD += dm;
            out.daily.id('S', index + 1, 9).date(first + j).num(vv).megabytes(dm).num(Math.round(daySms[j]));
            out.daily.end();
        }
        if (preStatus == 0 && exitDay == NO_DATE) {
            truth.earlyWarningEvaluated++;
            if ((mtdV * dim - allowV * dd) * voiceRate >= FourHighRules.TARIFF_MIN_CENTS * dd) {
                truth.earlyWarningTariff++;
            }
            if (projectedStartedGb(mtdD, allowD, dim, dd) * rate >= FourHighRules.DATA_MIN_CENTS) {
                truth.earlyWarningData++;
            }
        }
    }

    /** ceil(max(0, mtd × dim / d − allowance) / 1024 MB), exactly, on unrounded projected usage. */
    static long projectedStartedGb(long mtdMicroMb, long allowMb, int dim, long d) {
        long excess = mtdMicroMb * dim - allowMb * Usage.MICROS_PER_MB * d;
        if (excess <= 0) {
            return 0;
        }
        long unit = 1024L * Usage.MICROS_PER_MB * d;
        return (excess + unit - 1) / unit;
    }

    // ---- complaints, surveys and contacts of a month ----

    /** Writes the month's events in [first, last]; returns complaints lodged through the hotline. */
    private int events(int k, long first, long last, int tags) {
        int hotline = 0;
        double span = (last - first + 1) / (double) w.daysInMonth[k];
        boolean pain = tags != 0;
        int complaints = rng.poisson(COMPLAINT_BASE * Math.exp(0.35 * latent) * (pain ? COMPLAINT_FOURHIGH : 1.0) * span);
        boolean resolvedOne = false;
        for (int c = 0; c < complaints; c++) {
            long day = first + rng.nextInt((int) (last - first + 1));
            long created = at(day, 8, 22);
            int category;
            if (pain && rng.chance(0.7)) {
                category = tagCategory(tags);
            } else {
                double r = rng.nextDouble();
                category = r < 0.45 ? 4 : r < 0.65 ? 5 : r < 0.80 ? 6 : 7;
            }
            byte[][] texts = w.complaintTexts[category];
            double ch = rng.nextDouble();
            double regulator = latent > 1 ? 0.12 : 0.05;
            byte[] channel = ch < regulator ? Tokens.REGULATOR : ch < regulator + 0.55 ? Tokens.HOTLINE
                    : ch < regulator + 0.80 ? Tokens.APP : Tokens.STORE;
            if (channel == Tokens.HOTLINE) {
                hotline++;
            }
            boolean resolved = rng.chance(0.82 - (pain ? 0.12 : 0) - (latent > 1 ? 0.05 : 0));
            long closed = NO_DATE;
            if (resolved) {
                closed = created + (long) (rng.logNormal(18, 1.0) * 3600);
            } else if (rng.chance(0.45)) {
                closed = created + (long) (rng.logNormal(72, 0.8) * 3600); // closed without agreement
            }
            if (closed != NO_DATE && closed >= w.asOf * DAY) {
                closed = NO_DATE; // still open on the run date
                resolved = false;
            }
            if (!resolved) {
                lastUnresolvedDay = Math.max(lastUnresolvedDay == NO_DATE ? day : lastUnresolvedDay, day);
            } else {
                resolvedOne = true;
            }
            out.complaints.begin().and(Tokens.CP).andPadded(index + 1, 9).andChar('-').andNum(++complaintSeq)
                    .id('S', index + 1, 9).timestamp(created).bytes(channel).bytes(w.categories[category])
                    .bytes(texts[rng.nextInt(texts.length)]).timestampOrEmpty(closed).flag(resolved);
            out.complaints.end();
        }
        if (rng.chance(SURVEY_MONTHLY * span + (resolvedOne ? 0.3 : 0))) {
            survey(first + rng.nextInt((int) (last - first + 1)), pain);
        }
        contacts(k, first, last, tags);
        return hotline;
    }

    private int tagCategory(int tags) {
        int pick = rng.nextInt(Integer.bitCount(tags));
        int t = 0;
        for (int b = 0; b < 4; b++) {
            if ((tags & (1 << b)) != 0 && pick-- == 0) {
                t = b;
                break;
            }
        }
        return switch (t) {
            case FourHighRules.TARIFF -> Vocabulary.CAT_TARIFF;
            case FourHighRules.DATA -> Vocabulary.CAT_DATA;
            case FourHighRules.SILENCE -> vasCount > 0 && rng.chance(0.5) ? Vocabulary.CAT_VAS : Vocabulary.CAT_ARPU;
            default -> vasHeavy && rng.chance(0.5) ? Vocabulary.CAT_VAS : Vocabulary.CAT_ARPU;
        };
    }

    private void survey(long day, boolean pain) {
        double base = SCORE_BASE + (pain ? SCORE_FOURHIGH : 0) - 0.5 * latent + 1.1 * rng.gaussian();
        int overall = score(base);
        out.surveys.begin().and(Tokens.SV).andPadded(index + 1, 9).andChar('-').andNum(++surveySeq)
                .id('S', index + 1, 9).date(day).num(overall);
        subScore(base - 0.3 + rng.gaussian());
        subScore(base + (pain ? -0.7 : 0) + rng.gaussian());
        subScore(base + 0.2 + rng.gaussian());
        subScore(base + (pain ? -0.5 : 0) + rng.gaussian());
        out.surveys.end();
    }

    private void subScore(double value) {
        if (rng.chance(0.12)) {
            out.surveys.empty();
        } else {
            out.surveys.num(score(value));
        }
    }

    private static int score(double v) {
        return (int) Math.max(1, Math.min(10, Math.round(v)));
    }

    private boolean marketingAllowed() {
        return consent && !optedOut && !dnd;
    }

    private void contacts(int k, long first, long last, int tags) {
        int range = (int) (last - first + 1);
        double span = range / (double) w.daysInMonth[k];
        if (marketingAllowed() && rng.chance(0.35 * span)) {
            int campaign = campaignFor();
            long d1 = first + rng.nextInt(range);
            marketingSms(k, d1, campaign);
            long d2 = d1 + rng.between(8, 20); // at most 2 per 7 days: keep them a week apart
            if (rng.chance(0.3) && d2 <= last && marketingAllowed()) {
                marketingSms(k, d2, campaign);
            }
        }
        if (marketingAllowed() && rng.chance(0.04 * span)) {
            long day = first + rng.nextInt(range);
            if (lastCallDay == NO_DATE || day - lastCallDay >= 30) {
                lastCallDay = day;
                int campaign = campaignFor();
                double r = rng.nextDouble();
                byte[] outcome = r < 0.25 ? Tokens.UNREACHABLE : r < 0.70 ? Tokens.DECLINED : r < 0.85 ? Tokens.ANSWERED : Tokens.ACCEPTED;
                contact(at(day, 9, 21), Tokens.CALL, Tokens.MARKETING, k, campaign, outcome);
            }
        }
        if (marketingAllowed() && rng.chance(0.06 * span)) {
            int campaign = campaignFor();
            contact(at(first + rng.nextInt(range), 8, 21), Tokens.APP, Tokens.MARKETING, k, campaign,
                    rng.chance(0.1) ? Tokens.ACCEPTED : Tokens.DELIVERED);
        }
        if (manager != NONE && rng.chance(0.12 * span)) {
            boolean marketing = marketingAllowed() && rng.chance(0.4);
            byte[] outcome = marketing ? (rng.chance(0.35) ? Tokens.ACCEPTED : Tokens.DECLINED) : Tokens.ANSWERED;
            contact(at(first + rng.nextInt(range), 9, 18), Tokens.MANAGER, marketing ? Tokens.MARKETING : Tokens.SERVICE,
                    k, marketing ? campaignFor() : NONE, outcome);
        }
        if ((tags & 3) != 0 && rng.chance(0.6) && k < w.months) {
            // bill-shock warning: a service notice, allowed even under do-not-disturb
            long day = Math.max(first, last - rng.nextInt(5));
            serviceNotice(at(day, 9, 20), Tokens.SVC_ALERT);
        } else if (rng.chance(0.03 * span)) {
            serviceNotice(at(first + rng.nextInt(range), 9, 20), Tokens.SVC_REMIND);
        }
        if (rng.chance(0.02 * span)) {
            out.contacts.id('S', index + 1, 9).timestamp(at(first + rng.nextInt(range), 9, 20)).bytes(Tokens.STORE)
                    .bytes(Tokens.SERVICE).empty().bytes(Tokens.SVC_CARE).bytes(Tokens.ACCEPTED);
            out.contacts.end();
        }
    }

    private void marketingSms(int k, long day, int campaign) {
        double r = rng.nextDouble();
        byte[] outcome = r < 0.015 ? Tokens.OPTED_OUT : r < 0.095 ? Tokens.SENT : Tokens.DELIVERED;
        contact(at(day, 8, 21), Tokens.SMS, Tokens.MARKETING, k, campaign, outcome);
        if (outcome == Tokens.OPTED_OUT) {
            optedOut = true; // takes effect at once and is kept
        }
    }

    private void serviceNotice(long time, byte[] action) {
        out.contacts.id('S', index + 1, 9).timestamp(time).bytes(Tokens.SMS).bytes(Tokens.SERVICE).empty()
                .bytes(action).bytes(Tokens.DELIVERED);
        out.contacts.end();
    }

    private void contact(long time, byte[] channel, byte[] purpose, int k, int campaign, byte[] outcome) {
        out.contacts.id('S', index + 1, 9).timestamp(time).bytes(channel).bytes(purpose);
        if (campaign == NONE) {
            out.contacts.empty().empty();
        } else {
            out.contacts.begin().and(Tokens.CMP).andNum(w.yyyymm[k]).andChar('-').and(w.campaignCodes[campaign])
                    .bytes(w.campaignActions[campaign]);
        }
        out.contacts.bytes(outcome);
        out.contacts.end();
    }

    private int campaignFor() {
        Plan p = tariff.plan();
        if (needD > p.dataMb() * 0.8) {
            return rng.chance(0.5) ? 0 : 1;
        }
        if (p.network() == Network.G4 && handset5g) {
            return 3;
        }
        if (!broadband && rng.chance(0.5)) {
            return 4;
        }
        if (inFamily && rng.chance(0.5)) {
            return 5;
        }
        return needV > p.voiceMin() * 0.8 ? 2 : rng.nextInt(Vocabulary.CAMPAIGNS.size());
    }

    /** A time on the day between the given hours (local, seconds since the epoch day start). */
    private long at(long day, int fromHour, int toHour) {
        return day * DAY + fromHour * 3600L + rng.nextInt((toHour - fromHour) * 3600);
    }

    // =====================================================================================
    // snapshot rows
    // =====================================================================================

    private int finalStatus() {
        return exitDay != NO_DATE ? 3 : preStatus;
    }

    private void writeServices() {
        if (exitDay != NO_DATE) {
            return; // a closed line holds no subscriptions
        }
        for (int j = 0; j < vasCount; j++) {
            int s = vasSvc[j];
            out.vas.id('S', index + 1, 9).bytes(w.serviceId[s]).bytes(w.serviceName[s]).money(w.serviceFee[s])
                    .date(vasOn[j]).dateOrEmpty(vasLast[j]).num(vasUses[j]);
            out.vas.end();
        }
    }

    private void writeSubscriber() {
        int status = finalStatus();
        CsvSink o = out.subscribers;
        o.id('S', index + 1, 9).num(msisdn);
        if (enterprise) {
            o.begin().andChar('E').and(w.countyCode[county]).andPadded(groupNo, 4);
            o.begin().and(w.cityShort[county]).and(w.companyWords[groupWord]).and(w.industries[groupIndustry]).and(w.companySuffix);
            o.empty().empty().empty();
        } else {
            o.id('C', holder + 1, 9);
            o.begin().and(w.surnames[surname]);
            byte[][] chars = male ? w.maleChars : w.femaleChars;
            o.and(chars[given1]);
            if (given2 != NONE) {
                o.and(chars[given2]);
            }
            LocalDate b = LocalDate.ofEpochDay(birth);
            idDigits.setLength(0);
            byte[] code = idCodeMigrant == NONE ? w.countyCode[county] : w.migrantCodes[idCodeMigrant];
            for (byte c : code) {
                idDigits.append((char) c);
            }
            idDigits.append(b.getYear());
            if (b.getMonthValue() < 10) {
                idDigits.append('0');
            }
            idDigits.append(b.getMonthValue());
            if (b.getDayOfMonth() < 10) {
                idDigits.append('0');
            }
            idDigits.append(b.getDayOfMonth());
            if (idSeq < 100) {
                idDigits.append('0');
            }
            if (idSeq < 10) {
                idDigits.append('0');
            }
            idDigits.append(idSeq);
            idDigits.append(IdNumber.checkChar(idDigits));
            o.begin().andAscii(idDigits);
            o.bytes(male ? Tokens.M : Tokens.F).date(birth);
        }
        o.bytes(w.cityField[county]).bytes(w.countyField[county]).date(activation).bytes(w.planField[plan]);
        o.bytesOrEmpty(combo == 0 ? null : w.comboField[combo]);
        o.bytes(Tokens.STATUS[status]).flag(realName).bytes(enterprise ? Tokens.ENTERPRISE : Tokens.PERSON)
                .bytes(Tokens.VIP[vip]);
        if (contractKind == null) {
            o.empty().empty().empty();
        } else {
            o.bytes(Tokens.CONTRACT[contractKind.ordinal()]).date(contractEnd);
            if (contractKind == ContractKind.MIN_SPEND) {
                o.money(minSpend);
            } else {
                o.empty();
            }
        }
        if (inFamily) {
            o.id('F', block + 1, 8);
        } else {
            o.empty();
        }
        if (inGroup) {
            o.begin().andChar('G').and(w.countyCode[county]).andPadded(groupNo, 4);
        } else {
            o.empty();
        }
        long arrears = status == 1 ? lastBillTotal + (rng.chance(0.5) ? prevBillTotal : 0)
                : status == 0 && arrearsFlag ? lastBillTotal : 0;
        o.flag(broadband).flag(handset5g).flag(dualSim).flag(consent && !optedOut).flag(dnd).money(arrears)
                .dateOrEmpty(portInDay == NONE ? NO_DATE : portInDay);
        if (manager == NONE) {
            o.empty();
        } else {
            o.begin().and(Tokens.AM).and(w.countyCode[county]).andPadded(manager, 2);
        }
        o.end();
    }

    private void countTruth() {
        int status = finalStatus();
        truth.status[status]++;
        if (status != 0) {
            return;
        }
        int n = w.months;
        for (int k = 0; k < n; k++) {
            if (billed[k]) {
                truth.evaluated[k]++;
                for (int t = 0; t < 4; t++) {
                    if ((tagMask[k] & (1 << t)) != 0) {
                        truth.tags[k][t]++;
                    }
                }
            }
        }
        int m = n - 1;
        if (!billed[m]) {
            return;
        }
        for (int t = 0; t < 4; t++) {
            int bit = 1 << t;
            boolean now = (tagMask[m] & bit) != 0;
            boolean before = m >= 1 && billed[m - 1] && (tagMask[m - 1] & bit) != 0;
            boolean twoBefore = m >= 2 && billed[m - 2] && (tagMask[m - 2] & bit) != 0;
            if ((plantedMask[m] & bit) != 0) {
                truth.plantedLatest[t]++;
                if (now) {
                    truth.plantedFound[t]++;
                }
            }
            if (now && before) {
                truth.stayed[t]++;
            } else if (now) {
                truth.entered[t]++;
            } else if (before) {
                truth.exited[t]++;
            }
            if (now && (before || twoBefore)) {
                truth.persistent[t]++;
            }
        }
    }
}
