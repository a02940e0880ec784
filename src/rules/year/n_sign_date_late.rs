use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::query::{body_kind, BodyKind};
use crate::report::Date;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 发布（落款）日期不晚于法定时限：县级以上人民政府部门为次年1月31日，县级以上地方人民政府
    /// （本级政府的年报）为次年3月31日。乡镇、街道一般也按1月31日执行，只作提示。
    /// 无法从名称判断单位类型时，只按3月31日检查。
    ///
    /// ## 为什么是问题
    /// 逾期发布违反《条例》规定的时限，是年报考评中的常见扣分项。
    ///
    /// ## 示例
    /// 错误：某县农业农村局2023年度报告落款2024年2月20日。
    /// 正确：落款不晚于2024年1月31日。
    ///
    /// ## 依据
    /// 《条例》第四十九条。
    pub static N_SIGN_DATE_LATE = {
        id: "N-SIGN-DATE-LATE",
        severity: Warning,
        title: "发布日期晚于法定时限",
        help: "部门年报应在次年1月31日前发布，本级政府年报在次年3月31日前发布。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let (Some(y), Some((d, span))) = (r.trusted_year(), r.pub_date) else { return };
    let kind = r.org.as_deref().and_then(body_kind);
    let jan = Date { year: y + 1, month: 1, day: 31 };
    let mar = Date { year: y + 1, month: 3, day: 31 };
    let (deadline, who, severity) = match kind {
        Some(BodyKind::Department) => (jan, "县级以上人民政府部门", Severity::Warning),
        Some(BodyKind::Township) => (jan, "乡镇（街道）按惯例", Severity::Info),
        Some(BodyKind::Government) | None => (mar, "本级人民政府", Severity::Warning),
    };
    if d > deadline && d.year <= y + 2 {
        let message = format!("发布（落款）日期为{d}，晚于{who}的发布时限{deadline}");
        out.push(N_SIGN_DATE_LATE.finding(span, message).severity(severity));
    }
}
