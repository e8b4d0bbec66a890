/// The program's version, recorded in every part of a cluster study so that a merge refuses
/// parts made by different builds. Bump it whenever a change can alter any result for the same
/// scenario, seed and options (the model, the random streams, the replication byte format).
package enum ProgramVersion {
    package static let current = "injurysim 1.17.0"
}
