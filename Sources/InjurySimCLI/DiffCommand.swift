import InjurySimScenario

/// `injurysim diff A B`: every field whose value differs between two scenarios, each resolved
/// as `show` prints it, with both values. Exit 0 when they are the same, 1 when they differ
/// (as diff(1)), 64 when one cannot be read.
struct DiffCommand: Command {
    static let name = CommandName.diff
    var files: [String]

    init(_ parsed: ParsedArguments) throws(UsageError) { files = parsed.operands }

    func run(console: Console) -> Int32 {
        var documents: [JSONNode] = []
        for file in files {
            do throws(ScenarioError) { documents.append(try ScenarioLoader.resolvedDocument(path: file)) } catch {
                console.err(error.description + "\n")
                return ExitCode.usage
            }
        }
        let differences = ScenarioDiff.differences(documents[0], documents[1])
        guard !differences.isEmpty else {
            console.out("\(files[0]) and \(files[1]): the same scenario once resolved\n")
            return ExitCode.success
        }
        console.out("--- \(files[0])\n+++ \(files[1])\n")
        for difference in differences { console.out(difference.description + "\n") }
        console.out("\(differences.count) field\(differences.count == 1 ? "" : "s") differ\(differences.count == 1 ? "s" : "")\n")
        return 1
    }
}
