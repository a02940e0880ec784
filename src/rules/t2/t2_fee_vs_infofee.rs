use super::util::fee;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::number_at;
use crate::rules::common::{eq, fmt_num};
use crate::rules::Context;
use crate::text::{Mode, Norm};

declare_rule! {
    /// ## 检查内容
    /// 第六部分的信息处理费金额恰好等于第二部分表格的行政事业性收费金额（元 = 万元 × 10000，或同为万元），
    /// 或表格把行政事业性收费行写成“信息处理费”，说明把两种费用混为一谈。
    ///
    /// ## 为什么是问题
    /// 第二十条第（八）项“行政事业性收费”是本机关的行政收费，信息处理费是依申请公开收取的费用，应在第六部分
    /// 报告，两者不是一回事。
    ///
    /// ## 示例
    /// 错误：第六部分“收取信息处理费0.04万元”，表格行政事业性收费 0.04。
    /// 正确：信息处理费只在第六部分报告；表格填本机关的行政事业性收费。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
    pub static T2_FEE_VS_INFOFEE = {
        id: "T2-FEE-VS-INFOFEE",
        severity: Info,
        title: "行政事业性收费与信息处理费混同",
        help: "区分两种费用：表格填行政事业性收费，信息处理费在第六部分说明。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(c) = fee(r) else { return };
    if let Some(l) = c.row_label.filter(|l| r.text(*l).contains("信息处理费")) {
        out.push(
            T2_FEE_VS_INFOFEE
                .finding(l, "第二部分表格把行政事业性收费行写成了“信息处理费”；两者不是同一种费用")
                .cells([c.key]),
        );
        return;
    }
    let Some(f) = c.value.number().filter(|f| *f > 0.0) else { return };
    for p in r.part_paragraphs(6).filter(|p| !p.heading) {
        let norm = Norm::new(r.text(p.span), p.span.start, Mode::Label);
        let t = &norm.text;
        let Some(at) = t.find("信息处理费") else { continue };
        let mut i = at + "信息处理费".len();
        for filler in ["金额", "共", "合计", "为", ":", "计", "收入"] {
            if t[i..].starts_with(filler) {
                i += filler.len();
            }
        }
        let Some((v, n)) = number_at(&t[i..]) else { continue };
        let after = &t[i + n..];
        let same = (after.starts_with("万元") && eq(v, f)) || (after.starts_with('元') && eq(v, f * 10000.0));
        if same {
            let span = norm.span(i, i + n);
            out.push(
                T2_FEE_VS_INFOFEE.finding(span,
                    format!(
                        "第六部分的信息处理费金额与第二部分表格行政事业性收费（{} 万元）相同，疑似把两者混同；行政事业性收费不是信息处理费",
                        fmt_num(f)
                    ),
                )
                .cells([c.key]),
            );
            return;
        }
    }
}
