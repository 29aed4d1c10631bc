package io.tenure.generator;

import java.util.List;

/** Value-added services and the Chinese free texts of complaints and portability events. */
final class Vocabulary {

    /** A value-added service (增值业务) with its monthly fee in cents. */
    record Service(String id, String name, long feeCents) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("VAS_CRBT", "彩铃", 500),
            new Service("VAS_VCRBT", "视频彩铃", 600),
            new Service("VAS_NEWS", "手机报", 300),
            new Service("VAS_VIDEO", "视频会员", 2000),
            new Service("VAS_MUSIC", "音乐会员", 1000),
            new Service("VAS_READ", "阅读会员", 500),
            new Service("VAS_CLOUD", "云盘会员", 1000),
            new Service("VAS_GAME", "游戏包", 1500),
            new Service("VAS_SAFE", "安全管家", 300),
            new Service("VAS_CALLER", "来电提醒", 200),
            new Service("VAS_MAIL", "139邮箱", 0),
            new Service("VAS_SUPER", "超级会员", 3000));

    /** Index of 超级会员: only the planted heavy-VAS subscribers (HIGH_ARPU route c) hold it. */
    static final int SUPER = 11;
    /** Services typically forgotten and left idle: 手机报, 彩铃, 安全管家, 阅读会员, 来电提醒. */
    static final int[] IDLE_PRONE = {2, 0, 8, 5, 9};

    /** Complaint categories; the first four match a four-high tag. */
    static final List<String> CATEGORIES = List.of("资费争议", "流量费用", "增值业务", "套餐资费", "网络质量", "服务质量", "营销争议", "计费争议");
    static final int CAT_TARIFF = 0;
    static final int CAT_DATA = 1;
    static final int CAT_VAS = 2;
    static final int CAT_ARPU = 3;

    /** Complaint texts per category (same order as {@link #CATEGORIES}); some contain commas and quotes on purpose. */
    static final List<List<String>> COMPLAINT_TEXTS = List.of(
            List.of("通话费用太高，套外分钟数收费不合理", "出国漫游一次话费好几百，事先没有提醒", "国际长途资费太贵", "本月话费突然变高，要求解释"),
            List.of("流量超出太多，费用太高", "流量用超了也没有短信提醒", "套外流量按GB收费太贵，要求减免", "说好的\"不限量\"怎么还收流量费"),
            List.of("手机报从来没用过却一直扣费", "不知道什么时候开通的增值业务，要求退费", "会员费每月自动扣,本人未同意", "彩铃没订过却在扣钱"),
            List.of("套餐不划算", "保底消费太高，用不完也要交", "套餐太贵，想换便宜的又不让改", "每月花一百多，实际用得很少"),
            List.of("信号差", "家里没信号，打电话断断续续", "5G网速慢，还不如4G", "地下室和电梯里经常掉线", "山区信号覆盖不好"),
            List.of("营业厅服务态度差", "客服电话一直打不通", "办理业务排队时间太长", "客服答复前后不一致"),
            List.of("频繁收到营销短信，退订无效", "未经同意办理了业务", "营销电话太多，影响生活"),
            List.of("账单金额与实际使用不符", "停机后仍在扣费", "充值未到账", "宽带融合优惠没有生效"));

    /** Reasons recorded on portability events; null is common in practice. */
    static final List<String> PORT_REASONS = List.of("资费太高", "信号不好", "家人都在其他运营商", "合约到期", "对方赠送宽带", "服务不满意", "工作需要");
    static final List<String> RETAIN_REASONS = List.of("客户撤销转网申请", "已办理公开资费套餐变更,客户撤销申请", "问题已解决，客户留网");
    static final List<String> QUERY_FAIL_REASONS = List.of("在网协议未到期", "号码存在欠费", "企业实名号码,需先过户到个人", "转入不满120天", "号段不支持携号转网");

    /** Marketing campaigns: code, the published action offered. */
    static final List<String[]> CAMPAIGNS = List.of(
            new String[] {"DATA", "ACT-A_DATA10"}, new String[] {"DATA30", "ACT-A_DATA30"},
            new String[] {"VOICE", "ACT-A_VOICE100"}, new String[] {"5G", "ACT-P5G129"},
            new String[] {"FUSION", "ACT-BB-FUSION"}, new String[] {"FAMILY", "ACT-P5GJ128"});

    private Vocabulary() {
    }
}
