package jp.tsunagu.org.internal;

import java.util.List;

import jp.tsunagu.org.OrganisationAdministration;
import jp.tsunagu.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tables written with plain SQL; each change and its audit event commit together. This class holds
 * the transaction; {@link OrganisationUnits} and {@link OrganisationPeople} do the work inside it.
 */
@Service
@Transactional
class JdbcOrganisationAdministration implements OrganisationAdministration {

    private final OrganisationUnits units;
    private final OrganisationPeople people;

    JdbcOrganisationAdministration(OrganisationUnits units, OrganisationPeople people) {
        this.units = units;
        this.people = people;
    }

    @Override
    public void addDepartment(String code, String nameJa, String nameEn) {
        units.addDepartment(code, nameJa, nameEn);
    }

    @Override
    public void addSection(String departmentCode, String code, String nameJa, String nameEn) {
        units.addSection(departmentCode, code, nameJa, nameEn);
    }

    @Override
    public void renameDepartment(String code, String nameJa, String nameEn) {
        units.renameDepartment(code, nameJa, nameEn);
    }

    @Override
    public void renameSection(String code, String nameJa, String nameEn) {
        units.renameSection(code, nameJa, nameEn);
    }

    @Override
    public void removeDepartment(String code) {
        units.removeDepartment(code);
    }

    @Override
    public void removeSection(String code) {
        units.removeSection(code);
    }

    @Override
    public void addPerson(NewPerson person) {
        people.addPerson(person);
    }

    @Override
    public boolean changePlacement(String username, Role role, String sectionCode, String departmentCode) {
        return people.changePlacement(username, role, sectionCode, departmentCode);
    }

    @Override
    public void changeNameAndMailAddress(String username, String displayName, String mailAddress) {
        people.changeNameAndMailAddress(username, displayName, mailAddress);
    }

    @Override
    public boolean setEnabled(String username, boolean enabled) {
        return people.setEnabled(username, enabled);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PersonEntry> everyone() {
        return people.everyone();
    }
}
