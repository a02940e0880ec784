use super::infofee::{amount, fee_year, says_none, says_nothing};
use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::rules::year::util::{has_any, section_sentences, sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 2021年及以后的年报，第六部分应写明政府信息公开信息处理费的收取情况：或写明金额（……元），
    /// 或明确写未收取。信息处理费只在其他部分提到时，降为提示。
    ///
    /// ## 为什么是问题
    /// 《政府信息公开信息处理费管理办法》自2021年起施行，年报格式要求在第六部分报告收费情况。
    /// 表二第二十条第（八）项的“行政事业性收费”不是信息处理费，不能代替。
    ///
    /// ## 示例
    /// 错误：六、其他需要报告的事项　2024年度，我镇政府信息公开工作有效开展，无其他需要报告事项。
    /// 正确：2024年度，我镇未收取政府信息公开信息处理费，无其他需要报告事项。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（六）；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
    pub static C6_INFOFEE = {
        id: "C6-INFOFEE",
        severity: Warning,
        title: "未报告信息处理费收取情况",
        help: "在第六部分写明信息处理费收取金额，或写明本年度未收取。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A 六 that says only "无" is C6-NONEMPTY's one finding.
    if !fee_year(r) || says_nothing(r).is_some() {
        return;
    }
    let Some(sec) = r.section(6) else { return };
    // "未收取任何费用" also answers the question.
    let stated = |t: &str| {
        (t.contains("处理费") && (says_none(t) || amount(t).is_some()))
            || (t.contains("费用") && has_any(t, &["未收取", "没有收取", "不收取"]))
    };
    if section_sentences(r, 6).iter().any(|s| stated(s.text())) {
        return;
    }
    let elsewhere = sentences(r).iter().any(|s| s.section != Some(6) && stated(s.text()));
    let mut f =
        Finding::new(&C6_INFOFEE, sec.span, "第六部分没有写明信息处理费的收取情况，应写明收取金额或“未收取信息处理费”");
    if elsewhere {
        f.message = "信息处理费收取情况写在了其他部分，按格式应在第六部分报告".to_string();
        f = f.severity(Severity::Info);
    }
    out.push(f);
}
