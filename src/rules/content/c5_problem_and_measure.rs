use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::has_any;
use crate::rules::Context;
use crate::text::hanzi_count;

declare_rule! {
    /// ## 检查内容
    /// 第五部分既要写存在的问题（问题、不足、短板、差距、有待……），也要写改进措施
    /// （改进、措施、下一步、将、计划、加强……）。只写了其中一方面时提示。
    ///
    /// ## 为什么是问题
    /// 这一部分的法定内容是“存在的主要问题及改进情况”，两者缺一即不完整。
    ///
    /// ## 示例
    /// 不完整：存在问题：一是信息更新不及时；二是解读形式单一。（没有改进措施）
    /// 完整：……针对上述问题，下一步将建立信息更新提醒机制，丰富解读形式。
    ///
    /// ## 依据
    /// 《条例》第五十条第四项；国办公开办函〔2021〕30号（五）。
    pub static C5_PROBLEM_AND_MEASURE = {
        id: "C5-PROBLEM-AND-MEASURE",
        severity: Warning,
        title: "问题与改进措施不全",
        help: "第五部分应同时写明存在的主要问题和改进措施。",
        check: check,
    }
}

const PROBLEMS: [&str; 12] =
    ["问题", "不足", "短板", "差距", "有待", "薄弱", "欠缺", "不够", "不高", "滞后", "不强", "不到位"];
const MEASURES: [&str; 14] =
    ["改进", "措施", "下一步", "将", "计划", "加强", "推进", "提升", "完善", "整改", "强化", "持续", "进一步", "加大"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(sec) = r.section(5) else { return };
    let text = r.part_text(5);
    // An empty or "无" section is C5-NONEMPTY's finding.
    if hanzi_count(&text) < 20 {
        return;
    }
    let problems = has_any(&text, &PROBLEMS);
    let measures = has_any(&text, &MEASURES);
    let message = match (problems, measures) {
        (true, true) => return,
        (false, true) => "第五部分只写了改进措施，没有写明存在的主要问题",
        (true, false) => "第五部分只写了存在的问题，没有写明改进措施",
        (false, false) => "第五部分既没有写明存在的主要问题，也没有写明改进措施",
    };
    out.push(C5_PROBLEM_AND_MEASURE.finding(sec.span, message));
}
