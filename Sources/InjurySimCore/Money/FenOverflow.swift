/// A money figure that left the range the model counts exactly (``CheckedFen``): `figure` names
/// it in words (`"cash"`, `"scheduled benefits"`). The books that raise it stop where they are;
/// the engine adds the replication, the month and the pool and ends the run with an error.
package struct FenOverflow: Error, Sendable, Equatable {
    package var figure: String

    package init(figure: String) { self.figure = figure }
}
