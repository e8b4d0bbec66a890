import Foundation
import InjurySimIO

// Thin executable: hand the arguments to the library at once (off the main actor) and exit
// with the code it returns.
let code = await Program.main(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
