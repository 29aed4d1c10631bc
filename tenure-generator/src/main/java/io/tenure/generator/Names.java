package io.tenure.generator;

import java.util.List;

/**
 * Pools for personal and enterprise names. Surnames carry rough Fujian frequencies (陈 and 林 are far
 * more common there than nationally); given names are drawn one or two characters at a time.
 */
final class Names {

    static final List<String> SURNAMES = List.of(
            "陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "谢", "洪", "郭", "邱", "曾", "廖",
            "赖", "徐", "周", "叶", "苏", "庄", "吕", "江", "何", "罗", "高", "潘", "朱", "魏", "余", "卢", "游", "詹",
            "施", "方", "胡", "柯", "傅", "钟", "翁", "连", "严", "丁", "欧阳", "上官");

    static final double[] SURNAME_WEIGHTS = {
            12.0, 10.5, 6.5, 5.2, 4.8, 4.5, 3.6, 3.4, 2.4, 2.3, 2.6, 1.9, 1.6, 1.3, 1.5, 1.1, 1.1, 1.0,
            1.0, 1.2, 1.3, 1.3, 1.1, 0.9, 0.8, 1.0, 0.9, 1.0, 0.9, 0.8, 0.8, 0.7, 0.7, 0.7, 0.6, 0.5,
            0.6, 0.6, 0.7, 0.6, 0.5, 0.6, 0.5, 0.5, 0.4, 0.4, 0.15, 0.05};

    static final List<String> MALE_CHARS = List.of(
            "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "华", "建", "国", "志", "文", "俊", "宇", "浩",
            "鹏", "辉", "峰", "林", "荣", "福", "晨", "轩", "泽", "阳", "鑫", "龙", "海", "东", "平", "兴", "翔", "毅",
            "锦", "铭", "凯", "鸿");

    static final List<String> FEMALE_CHARS = List.of(
            "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "琳", "颖", "萍", "红", "梅",
            "晶", "欣", "怡", "佳", "雅", "琴", "月", "秀", "惠", "丹", "莉", "妍", "婉", "蓉", "璐", "思", "雨", "珊");

    static final List<String> COMPANY_WORDS = List.of(
            "鑫达", "恒泰", "华兴", "闽航", "海峡", "宏远", "永盛", "金龙", "建发", "嘉禾", "瑞丰", "中闽", "融信", "三友",
            "天元", "汇通", "盛世", "东南", "鸿运", "兴业", "安捷", "信达", "百川", "九洲");

    static final List<String> INDUSTRIES = List.of(
            "贸易", "科技", "建筑工程", "物流", "食品", "纺织", "鞋业", "茶业", "石材", "电子", "医药", "餐饮管理", "物业管理", "水产");

    private Names() {
    }
}
