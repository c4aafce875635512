package com.segments.application;

import com.segments.application.data.CustomerTableReader;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FittedPreprocessing;

import java.nio.file.Path;

/**
 * A customer table read, its preprocessing fitted and applied: what training and comparing both start from.
 *
 * @param table         the profiles with the inference report and fingerprint
 * @param preprocessing the fitted steps
 * @param scaled        the matrix the algorithms run on
 */
record PreparedData(CustomerTableReader.Table table, FittedPreprocessing preprocessing, DataMatrix scaled) {

    static PreparedData load(Path file, Character delimiter) {
        CustomerTableReader.Table table = CustomerTableReader.read(file, delimiter);
        FittedPreprocessing preprocessing = FittedPreprocessing.fitMedianAndStandardise(table.profiles());
        return new PreparedData(table, preprocessing, preprocessing.transform(table.profiles().values()));
    }
}
