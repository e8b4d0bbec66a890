extension Scenario {
    /// How the fund is judged: the financing method whose verdict leads, the reserve it is
    /// expected to hold, and the periods of the general average premium (financing reference §1).
    ///
    /// These settings draw nothing and change no simulated flow: every method reads the same
    /// replications (contributions at the rates charged, benefits as they fall due); the method
    /// decides which questions the verdict asks of them.
    package struct Financing: Sendable, Equatable {
        /// The financing method the verdict judges by.
        package enum Method: String, Sendable, CaseIterable {
            /// 现收现付 with a reserve — the scheme's own rule, 以支定收、收支平衡 (set income by
            /// expected spending; balance the two): each year's cost rate against the rate
            /// charged, and whether the reserve holds `reserveTargetMonths` of spending.
            case payAsYouGo
            /// Assessment of constituent capitals: each year pays its short-term benefits and the
            /// capital value of the long-term awards it makes; the reserve must hold the capital
            /// of the awards in payment.
            case terminalFunding
            /// 完全积累: assets at the horizon cover everything owed for accidents so far
            /// (reported claims' future payments, claims not yet reported, backstop debt).
            case fullFunding
        }

        package var method: Method
        /// The reserve the pay-as-you-go verdict asks for at every year end, in months of that
        /// year's spending (benefits falling due and administration).
        package var reserveTargetMonths: Double
        /// The closing reserve of the general average premium, in years of the period's last
        /// year's spending (1: the US Trustees' target; 0: none).
        package var closingReserveYears: Double
        /// The periods, in whole calendar years from the horizon's first full year, over which
        /// the general average premium and the actuarial balance are given (ascending).
        package var gapYears: [Int]

        package init(method: Method, reserveTargetMonths: Double, closingReserveYears: Double, gapYears: [Int]) {
            self.method = method
            self.reserveTargetMonths = reserveTargetMonths
            self.closingReserveYears = closingReserveYears
            self.gapYears = gapYears
        }

        /// The defaults of a scenario file and of a scenario built in code: pay-as-you-go with a
        /// reserve of 12 months of spending (one year's cost, the Trustees' contingency reserve;
        /// between China's warning zone of 6–9 months and the 18 months at which rate cuts were
        /// allowed — financing reference §1.4, §2.3), a one-year closing reserve, periods of 10,
        /// 20 and 30 years.
        package static let standard = Financing(method: .payAsYouGo, reserveTargetMonths: 12, closingReserveYears: 1, gapYears: [10, 20, 30])
    }
}
