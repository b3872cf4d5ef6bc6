package io.gridbot.service.complaint;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.StaffId;
import java.util.List;
import java.util.Optional;

/**
 * Complaints and suggestions: customers file them, staff take them up and close them. Every
 * transition (see {@link ComplaintState}) is kept in the complaint's history.
 */
public interface ComplaintService {

  /**
   * Files a complaint as {@link ComplaintState#RECEIVED} with a new number.
   *
   * @return the new complaint, or the one filed earlier under the same request id
   * @throws io.gridbot.service.account.AccountNotFound if it names an account that does not exist
   */
  Complaint file(NewComplaint complaint);

  /** The complaint with this number. */
  Optional<Complaint> find(ComplaintNo no);

  /**
   * The reporter's complaints, latest first.
   *
   * @param limit 1 to 100
   * @throws IllegalArgumentException if limit is out of range
   */
  List<Complaint> filedBy(ChannelUser reporter, int limit);

  /**
   * Complaints in this state, oldest first: the staff's work list.
   *
   * @param offset how many to skip, 0 or more
   * @param limit 1 to 1000
   * @throws IllegalArgumentException if offset or limit is out of range
   */
  List<Complaint> inState(ComplaintState state, int offset, int limit);

  /**
   * Staff take the complaint up.
   *
   * @param note for the history, or null
   * @throws ComplaintNotFound if there is no such complaint
   * @throws ComplaintTransitionNotAllowed if it is not {@link ComplaintState#RECEIVED}
   */
  Complaint startHandling(ComplaintNo no, StaffId by, String note);

  /**
   * Staff close the complaint (answered, or withdrawn).
   *
   * @param note how it was settled, for the history, or null
   * @throws ComplaintNotFound if there is no such complaint
   * @throws ComplaintTransitionNotAllowed if it is already closed
   */
  Complaint close(ComplaintNo no, StaffId by, String note);

  /**
   * The complaint's history, oldest first.
   *
   * @throws ComplaintNotFound if there is no such complaint
   */
  List<ComplaintEvent> history(ComplaintNo no);
}
