/// What was run on a policy page: whether each variant drew its uncertain inputs, and those
/// inputs with their distributions (`manifest.json`'s `variants`): each input once, with the
/// variants that draw it where they differ.
extension PolicyReport {
    /// Each variant's name and whether it drew its uncertain inputs (empty for folders written
    /// before manifests recorded `variants`).
    var variantUncertainty: [(name: String, isOn: Bool)] {
        manifest["variants"].array.map { ($0["name"].string ?? "?", $0["uncertainty"].bool ?? true) }
    }

    /// "on", "off", or which variants are which when they differ.
    func uncertaintyText() -> String? {
        let variants = variantUncertainty
        guard let first = variants.first else { return nil }
        if variants.allSatisfy({ $0.isOn == first.isOn }) { return first.isOn ? language("on", "开") : language("off", "关") }
        let on = variants.filter(\.isOn).map(\.name), off = variants.filter { !$0.isOn }.map(\.name)
        return language(
            "on for \(on.joined(separator: ", ")); off for \(off.joined(separator: ", "))",
            "开：\(on.joined(separator: "、"))；关：\(off.joined(separator: "、"))")
    }

    /// The table of uncertain inputs: one row per input and distribution, in the order the
    /// variants list them; where the variants' lists differ, a column says which draw each ("all"
    /// when shared), and where they agree the heading says so.
    func uncertainInputsTable() -> String {
        let e = ChartStyle.escape
        let variants = manifest["variants"].array
        var rows: [(path: String, distribution: String, variants: [String])] = []
        for variant in variants {
            let name = variant["name"].string ?? "?"
            for input in variant["uncertainInputs"].array {
                let path = input["path"].string ?? "", distribution = input["distribution"].string ?? ""
                if let index = rows.firstIndex(where: { $0.path == path && $0.distribution == distribution }) {
                    rows[index].variants.append(name)
                } else {
                    rows.append((path, distribution, [name]))
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        let flags = variantUncertainty.map(\.isOn)
        let heading =
            flags.allSatisfy { $0 }
            ? language("Uncertain inputs, drawn once per replication", "不确定参数（每次模拟抽样一次）")
            : flags.allSatisfy { !$0 }
                ? language("Uncertain inputs, held at their central values (--no-uncertainty)", "不确定参数（取中心值，--no-uncertainty）")
                : language(
                    "Uncertain inputs, drawn once per replication where uncertainty is on (see above)", "不确定参数（在开启不确定性的方案中每次模拟抽样一次，见上）")
        // A column of who draws what only where the variants differ; otherwise the heading says so.
        let several = rows.contains { $0.variants.count != variants.count }
        let shared =
            variants.count > 1 && !several
            ? language(kind == .sweep ? " — the same at every grid point" : " — the same in every scenario", kind == .sweep ? "——各扫描点相同" : "——各方案相同")
            : ""
        let word = kind == .sweep ? language("only at", "仅限") : language("only in", "仅限")
        return "<h3>\(e(heading + shared))</h3>\n"
            + HTMLPage.groupedInputs(
                header: (e(language("Inputs of", "参数所属")), e(language("Input and distribution", "参数及分布"))),
                inputs: rows.map { row in
                    let note =
                        !several || row.variants.count == variants.count
                        ? "" : word + " " + row.variants.map(shownName).joined(separator: language(", ", "、"))
                    return (row.path, row.distribution, note)
                })
    }
}
